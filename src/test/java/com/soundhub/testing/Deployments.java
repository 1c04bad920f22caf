package com.soundhub.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment every integration test runs against: the very WAR the build produced. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive soundhub() {
        String war = System.getProperty("soundhub.it.war", "target/ROOT.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war));
    }

    /**
     * The site's base URI on {@code localhost}: Payara reports the machine's address, but cookies and
     * presigned URLs are made for the name a browser uses.
     */
    public static URI base(URL deployed) {
        return URI.create("http://localhost:" + deployed.getPort() + "/");
    }
}
