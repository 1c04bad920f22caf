/** Shared pieces of the integration tests: the embedded infrastructure, the deployment, an HTTP client. */
package com.soundhub.testing;
