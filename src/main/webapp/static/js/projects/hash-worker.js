// The content hash of a file, in a Web Worker (see docs/PROJECTS-API.md, "Content hash"):
// SHA-256 of each 4 MiB block, then SHA-256 over the block digests one after the other; 64
// lowercase hex digits; an empty file hashes to SHA-256 of nothing. The same as
// com.soundhub.projects.contents.ContentHash on the server.
//
// The file is read block by block (Blob.slice().arrayBuffer()), so memory stays at a few blocks
// whatever the file's size; the next block is read while the current one is digested.
//
// Messages in:  {job, file}           a File or Blob
// Messages out: {job, done}           bytes hashed so far, after each block
//               {job, hash, size}     the result
//               {job, error}          the file could not be read (moved, deleted, no permission)
'use strict';

var BLOCK_SIZE = 4 * 1024 * 1024;
// Blocks being read or digested at once: the block being digested and the next one or two being read.
var AHEAD = 3;

function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
        out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
}

function contentHash(file, progress) {
    var size = file.size;
    var blocks = Math.ceil(size / BLOCK_SIZE);
    var digests = new Uint8Array(blocks * 32);
    var pending = [];
    var next = 0;

    // Reading a block and digesting it are one promise, started up to AHEAD blocks in advance:
    // the browser reads and digests off this thread, so reading block n+1 overlaps digesting block n.
    function start() {
        var at = next++;
        var begin = at * BLOCK_SIZE;
        var block = file.slice(begin, Math.min(size, begin + BLOCK_SIZE)).arrayBuffer()
            .then(function (bytes) {
                return crypto.subtle.digest('SHA-256', bytes);
            })
            .then(function (digest) {
                digests.set(new Uint8Array(digest), at * 32);
                return Math.min(size, (at + 1) * BLOCK_SIZE);
            });
        // A failure is reported once, by the block waited for; those read ahead are not waited for then.
        block.catch(function () {});
        pending.push(block);
    }

    function step() {
        while (next < blocks && pending.length < AHEAD) {
            start();
        }
        if (pending.length === 0) {
            return crypto.subtle.digest('SHA-256', digests).then(hex);
        }
        return pending.shift().then(function (done) {
            if (progress) {
                progress(done);
            }
            return step();
        });
    }

    return step();
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
    self.onmessage = function (event) {
        var job = event.data.job;
        var file = event.data.file;
        contentHash(file, function (done) {
            self.postMessage({job: job, done: done});
        }).then(function (hash) {
            self.postMessage({job: job, hash: hash, size: file.size});
        }, function (error) {
            self.postMessage({job: job, error: (error && error.message) || String(error)});
        });
    };
}
