// The content hash of a file, in a Web Worker (see docs/PROJECTS-API.md, "Content hash"):
// SHA-256 of each 4 MiB block, then SHA-256 over the block digests one after the other; 64
// lowercase hex digits; an empty file hashes to SHA-256 of nothing. The same as
// com.soundhub.projects.contents.ContentHash on the server.
//
// A worker digests the blocks of one file, or of one block-aligned part of a big file, and answers
// the block digests; the pool in push.js joins the parts and takes the final digest, so one big
// file is hashed by every worker at once.
//
// Memory stays at a few blocks whatever the file's size: the file is read as a stream into one
// 4 MiB block that is used again and again (WebCrypto copies what it digests when digest() is
// called), and the next block is read while the browser digests the previous ones. Reading the
// stream was 3.4 times faster than Blob.slice().arrayBuffer() per block in headless Chromium, which
// makes a fresh buffer for every block (bench/README.md, "Hashing in the browser").
//
// Messages in:  {job, file}           a File or Blob, or a part of one starting at a block boundary
// Messages out: {job, done}           bytes digested so far, after each block
//               {job, digests}        the blocks' SHA-256 digests one after the other (ArrayBuffer)
//               {job, error}          the file could not be read (moved, deleted, no permission)
'use strict';

var BLOCK_SIZE = 4 * 1024 * 1024;
// Blocks handed to WebCrypto and not yet digested, at most: each holds a copy of its block.
var DIGESTING = 4;

// Calls block(bytes) with each 4 MiB block of the file in turn (the last one shorter), the same
// array each time; when block answers a promise, the array is filled again only after it settles.
function eachBlock(file, block) {
    if (typeof file.stream !== 'function') {
        var at = 0;
        return (function next() {
            if (at >= file.size) {
                return undefined;
            }
            var end = Math.min(file.size, at + BLOCK_SIZE);
            return file.slice(at, end).arrayBuffer().then(function (bytes) {
                at = end;
                return block(new Uint8Array(bytes));
            }).then(next);
        })();
    }
    var buffer = new Uint8Array(Math.max(1, Math.min(BLOCK_SIZE, file.size)));
    var filled = 0;
    var reader = file.stream().getReader();

    function feed(bytes) {
        var used = 0;
        return (function more() {
            while (used < bytes.length) {
                var take = Math.min(bytes.length - used, buffer.length - filled);
                buffer.set(take === bytes.length ? bytes : bytes.subarray(used, used + take), filled);
                filled += take;
                used += take;
                if (filled === buffer.length) {
                    filled = 0;
                    var wait = block(buffer);
                    if (wait) {
                        return wait.then(more);
                    }
                }
            }
            return undefined;
        })();
    }

    return (function next() {
        return reader.read().then(function (chunk) {
            if (chunk.done) {
                return filled > 0 ? block(buffer.subarray(0, filled)) : undefined;
            }
            return Promise.resolve(feed(chunk.value)).then(next);
        });
    })();
}

function blockDigests(file, progress) {
    var digests = new Uint8Array(Math.ceil(file.size / BLOCK_SIZE) * 32);
    var count = 0;
    var done = 0;
    var digesting = [];
    var last = Promise.resolve();

    return Promise.resolve(eachBlock(file, function (bytes) {
        var at = count++;
        var length = bytes.length;
        // WebCrypto copies the bytes now; the array may be filled again at once.
        var digest = Promise.all([crypto.subtle.digest('SHA-256', bytes), last]).then(function (results) {
            digests.set(new Uint8Array(results[0]), at * 32);
            done += length;
            if (progress) {
                progress(done);
            }
        });
        // A failure is reported once, by the block waited for.
        digest.catch(function () {});
        last = digest;
        digesting.push(digest);
        return digesting.length >= DIGESTING ? digesting.shift() : undefined;
    })).then(function () {
        return last;
    }).then(function () {
        return digests.buffer;
    });
}


if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
    self.onmessage = function (event) {
        var job = event.data.job;
        var file = event.data.file;
        blockDigests(file, function (done) {
            self.postMessage({job: job, done: done});
        }).then(function (digests) {
            self.postMessage({job: job, digests: digests}, [digests]);
        }, function (error) {
            self.postMessage({job: job, error: (error && error.message) || String(error)});
        });
    };
}
