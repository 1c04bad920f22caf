// Pushing a revision of a co-production project from the browser (docs/PROJECTS-API.md, "Push"):
// the member chooses files or a folder, each file is hashed in Web Workers (hash-worker.js), the
// server says what changed and which contents it lacks, only those go straight to storage
// (presigned PUTs, multipart for large ones), each is verified, then the revision is committed
// and the browser goes to it.
//
// What the page provides (WEB-INF/views/projects/push-form.html is this markup as a fragment):
//   #push-form[data-project][data-base]  the form; data-project is the project's id, data-base the
//                                        revision the files start from (0 for a new project).
//                                        Optional: data-hash-worker (the worker's URL; by default
//                                        hash-worker.js next to this script, same version stamp),
//                                        data-workers (how many workers hash at once).
//   #push-files      <input type=file multiple>          files, added to what is chosen
//   #push-folder     <input type=file webkitdirectory>   a folder, replaces what is chosen; its own
//                                                         name is left out of the paths
//   #push-drop       an element files and folders can be dropped on (a single folder dropped
//                    replaces what is chosen, like #push-folder)
//   #push-message    the revision's message (required)
//   #push-whole      checkbox "this folder is the whole project": files of the base revision not
//                    chosen are removed (sent as wholeProject)
//   #push-list       <ul> or <ol>: one <li class="push-file" data-state="..."> per file is put there
//   #push-progress   <progress>: hashing, then uploading, for all files
//   #push-status     optional, role=status: what is happening, in words
//   #push-error      role=alert, tabindex=-1, hidden: errors that name no file
//   #push-clear      optional button: forget what is chosen
//   The submit button of #push-form starts the push.
//   With data-proposal on #push-form the files are a proposal's take: the push is started with
//   "proposal": true, #push-message is the proposal's optional note, #push-instrument (optional
//   <select>) its instrument, and instead of committing a revision the take is proposed and the
//   browser goes to the proposal.
//
// Nothing a member named (file names) is written as HTML: rows are built with textContent. The
// script is a classic script, as the site's others, so that it runs again each time the page is
// swapped in by htmx; without #push-form it only provides window.soundhub.projects (HashPool).
(function () {
    'use strict';

    var script = document.currentScript;
    var DEFAULT_WORKER_URL = script && /push\.js(\?|$)/.test(script.src)
        ? script.src.replace(/push\.js(\?|$)/, 'hash-worker.js$1')
        : '/static/js/projects/hash-worker.js';
    // Uploads to storage at once; each multipart upload sends its parts one after the other.
    var UPLOADS_AT_ONCE = 3;
    // A part or file that fails to upload is tried again after these pauses, then given up.
    var RETRY_PAUSES_MS = [1000, 3000, 8000];
    // Files nobody means to share: left out of folders.
    var JUNK = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|__MACOSX\/.*|\._[^/]*)$/i;

    // More workers than cores: part of hashing runs outside them (the browser reads the file in
    // another process, WebCrypto digests on its own threads), so 4 beat 2 on 2 cores (bench/README.md).
    function defaultWorkers() {
        return Math.max(4, Math.min(8, navigator.hardwareConcurrency || 4));
    }

    // -------------------------------------------------------------------------------------------
    // A small pool of hashing workers. hash(file, onProgress) answers the content hash; files wait
    // their turn when all workers are busy. A big file is cut at block boundaries into one part per
    // worker, so that a single long stem keeps every core busy; the workers answer each part's
    // block digests and the pool takes the digest over all of them. reset() stops everything.

    var BLOCK_SIZE = 4 * 1024 * 1024;
    // A part is never smaller than this, so that small files are not cut for little gain.
    var MIN_PART_BLOCKS = 4;

    function HashPool(size, workerUrl) {
        this.size = size || defaultWorkers();
        this.url = workerUrl || DEFAULT_WORKER_URL;
        this.workers = [];
        this.idle = [];
        this.queue = [];
        this.nextJob = 1;
    }

    function hex(buffer) {
        var bytes = new Uint8Array(buffer);
        var out = '';
        for (var i = 0; i < bytes.length; i++) {
            out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        }
        return out;
    }

    HashPool.prototype.hash = function (file, onProgress) {
        var blocks = Math.ceil(file.size / BLOCK_SIZE);
        var parts = Math.max(1, Math.min(this.size, Math.floor(blocks / MIN_PART_BLOCKS)));
        var blocksPerPart = Math.ceil(blocks / parts);
        var done = [];
        var answers = [];
        for (var part = 0; part < parts; part++) {
            var from = part * blocksPerPart * BLOCK_SIZE;
            var to = Math.min(file.size, from + blocksPerPart * BLOCK_SIZE);
            done.push(0);
            answers.push(this.digestBlocks(parts === 1 ? file : file.slice(from, to), progressOf(part)));
        }

        function progressOf(part) {
            return function (bytes) {
                done[part] = bytes;
                if (onProgress) {
                    onProgress(done.reduce(function (sum, each) { return sum + each; }, 0));
                }
            };
        }

        return Promise.all(answers).then(function (digests) {
            var all = new Uint8Array(blocks * 32);
            var at = 0;
            digests.forEach(function (each) {
                all.set(new Uint8Array(each), at);
                at += each.byteLength;
            });
            return crypto.subtle.digest('SHA-256', all);
        }).then(hex);
    };

    // The block digests of a file or part (an ArrayBuffer of 32 bytes per 4 MiB block).
    HashPool.prototype.digestBlocks = function (file, onProgress) {
        var pool = this;
        return new Promise(function (resolve, reject) {
            pool.queue.push({file: file, onProgress: onProgress, resolve: resolve, reject: reject});
            pool.pump();
        });
    };

    HashPool.prototype.pump = function () {
        while (this.queue.length > 0) {
            var worker = this.idle.pop();
            if (!worker) {
                if (this.workers.length >= this.size) {
                    return;
                }
                worker = this.spawn();
            }
            var task = this.queue.shift();
            task.job = this.nextJob++;
            worker.task = task;
            worker.postMessage({job: task.job, file: task.file});
        }
    };

    HashPool.prototype.spawn = function () {
        var pool = this;
        var worker = new Worker(this.url);
        worker.onmessage = function (event) {
            var data = event.data;
            var task = worker.task;
            if (!task || data.job !== task.job) {
                return;
            }
            if (data.done !== undefined) {
                if (task.onProgress) {
                    task.onProgress(data.done);
                }
                return;
            }
            worker.task = null;
            pool.idle.push(worker);
            if (data.error !== undefined) {
                task.reject(new Error(data.error));
            } else {
                task.resolve(data.digests);
            }
            pool.pump();
        };
        worker.onerror = function (event) {
            event.preventDefault();
            var task = worker.task;
            worker.terminate();
            pool.workers = pool.workers.filter(function (w) { return w !== worker; });
            pool.idle = pool.idle.filter(function (w) { return w !== worker; });
            if (task) {
                task.reject(new Error(event.message || 'The browser could not hash this file.'));
            }
            pool.pump();
        };
        this.workers.push(worker);
        return worker;
    };

    HashPool.prototype.reset = function () {
        var stopped = new Error('Stopped');
        stopped.name = 'AbortError';
        this.workers.forEach(function (worker) {
            if (worker.task) {
                worker.task.reject(stopped);
            }
            worker.terminate();
        });
        this.queue.forEach(function (task) { task.reject(stopped); });
        this.workers = [];
        this.idle = [];
        this.queue = [];
    };

    window.soundhub = window.soundhub || {};
    window.soundhub.projects = {HashPool: HashPool, workerUrl: DEFAULT_WORKER_URL, defaultWorkers: defaultWorkers};

    // -------------------------------------------------------------------------------------------
    // The push page.

    var form = document.getElementById('push-form');
    if (!form) {
        return;
    }
    function byId(id) {
        return document.getElementById(id);
    }
    var projectId = form.getAttribute('data-project');
    var base = Number(form.getAttribute('data-base') || 0);
    var api = '/api/v1/projects/' + encodeURIComponent(projectId);
    var filesInput = byId('push-files');
    var folderInput = byId('push-folder');
    var dropZone = byId('push-drop');
    var messageInput = byId('push-message');
    var wholeBox = byId('push-whole');
    var proposal = form.hasAttribute('data-proposal');
    var instrumentInput = byId('push-instrument');
    var list = byId('push-list');
    var overall = byId('push-progress');
    var statusText = byId('push-status');
    var errorBox = byId('push-error');
    var clearButton = byId('push-clear');
    var submitButton = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
    var pool = new HashPool(Number(form.getAttribute('data-workers')) || defaultWorkers(),
        form.getAttribute('data-hash-worker') || DEFAULT_WORKER_URL);

    // path -> {path, file, size, hash, hashing (promise), hashed (bytes), change, transfer, sent, error, row}
    var chosen = new Map();
    // Rows of files the push removes (they have no file here).
    var removed = [];
    // The push under way: kept while what is chosen stays the same, so pressing Push again after
    // a failure resumes it. {signature, id, contents: [{content, file, entries, sent, verified, resume}]}
    var push = null;
    var busy = false;
    var phase = 'idle';
    var requests = new Set();
    var listeners = [];

    function on(target, type, handler) {
        target.addEventListener(type, handler);
        listeners.push([target, type, handler]);
    }

    // Rows ------------------------------------------------------------------------------------

    var CHANGE_LABELS = {unchanged: 'Unchanged', added: 'New', changed: 'Changed', removed: 'Removed'};

    function formatSize(bytes) {
        if (bytes < 1024) {
            return bytes + ' B';
        }
        var units = ['KB', 'MB', 'GB', 'TB'];
        var value = bytes;
        var unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        return value.toFixed(value < 10 ? 1 : 0) + ' ' + units[unit];
    }

    function percent(done, size) {
        return size > 0 ? Math.floor(done * 100 / size) : 100;
    }

    function makeRow(entry) {
        var row = document.createElement('li');
        row.className = 'push-file';
        var path = document.createElement('span');
        path.className = 'push-path';
        path.textContent = entry.path;
        var size = document.createElement('span');
        size.className = 'push-size muted';
        size.textContent = entry.file ? formatSize(entry.size) : '';
        var state = document.createElement('span');
        state.className = 'push-state badge';
        var bar = document.createElement('progress');
        bar.max = 1;
        bar.setAttribute('aria-label', entry.path);
        var error = document.createElement('small');
        error.className = 'push-file-error field-error';
        error.hidden = true;
        row.append(path, ' ', size, ' ', state, bar, error);
        if (entry.file) {
            var leave = document.createElement('button');
            leave.type = 'button';
            leave.className = 'push-leave secondary outline';
            leave.textContent = 'Leave out';
            leave.setAttribute('aria-label', 'Leave out ' + entry.path);
            leave.addEventListener('click', function () {
                if (!busy) {
                    forget(entry);
                    (messageInput || filesInput).focus();
                }
            });
            row.append(leave);
        }
        entry.row = {li: row, state: state, bar: bar, error: error};
        return row;
    }

    function stateOf(entry) {
        if (entry.error) {
            return ['error', entry.change ? CHANGE_LABELS[entry.change] + ' · failed' : 'Failed'];
        }
        if (entry.hash === undefined && entry.file) {
            return ['hashing', 'Reading ' + percent(entry.hashed, entry.size) + '%'];
        }
        if (!entry.change) {
            return ['ready', 'Ready'];
        }
        var label = CHANGE_LABELS[entry.change];
        switch (entry.transfer) {
        case 'waiting':
            return [entry.change, label + ' · waiting to upload'];
        case 'uploading':
            return ['uploading', label + ' · uploading ' + percent(entry.sent, entry.size) + '%'];
        case 'checking':
            return ['checking', label + ' · checking'];
        case 'verified':
            return ['verified', label + ' · uploaded and checked'];
        default:
            return [entry.change, label];
        }
    }

    function render(entry) {
        var row = entry.row;
        var state = stateOf(entry);
        row.li.setAttribute('data-state', state[0]);
        row.state.textContent = state[1];
        if (entry.transfer === 'uploading' || entry.transfer === 'checking' || entry.transfer === 'verified') {
            row.bar.value = entry.size > 0 ? entry.sent / entry.size : 1;
        } else if (entry.file) {
            row.bar.value = entry.size > 0 ? entry.hashed / entry.size : (entry.hash ? 1 : 0);
        }
        row.bar.hidden = !entry.file || entry.change === 'unchanged' && !entry.error;
        row.error.textContent = entry.error || '';
        row.error.hidden = !entry.error;
    }

    // Progress is drawn once per frame, however often it moves.
    var dirty = new Set();
    var frame = 0;

    function redraw(entry) {
        if (entry) {
            dirty.add(entry);
        }
        if (!frame) {
            frame = requestAnimationFrame(function () {
                frame = 0;
                dirty.forEach(render);
                dirty.clear();
                drawOverall();
            });
        }
    }

    function drawOverall() {
        if (!overall) {
            return;
        }
        var done = 0;
        var total = 0;
        if (phase === 'uploading' && push) {
            push.contents.forEach(function (c) {
                done += c.sent;
                total += c.content.size;
            });
        } else if (phase === 'committing') {
            overall.removeAttribute('value');
            return;
        } else {
            chosen.forEach(function (entry) {
                done += entry.hash !== undefined ? entry.size : entry.hashed;
                total += entry.size;
            });
        }
        overall.max = 1;
        overall.value = total > 0 ? done / total : (chosen.size > 0 ? 1 : 0);
    }

    function say(text) {
        if (statusText) {
            statusText.textContent = text;
        }
    }

    function sortRows() {
        var rows = [];
        chosen.forEach(function (entry) { rows.push(entry); });
        rows = rows.concat(removed);
        rows.sort(function (a, b) { return a.path < b.path ? -1 : a.path > b.path ? 1 : 0; });
        rows.forEach(function (entry) { list.appendChild(entry.row.li); });
    }

    // Choosing -------------------------------------------------------------------------------

    function normalise(path) {
        return path.replace(/\\/g, '/').replace(/^\/+/, '').normalize('NFC');
    }

    function forgetPush() {
        push = null;
        removed.forEach(function (entry) { entry.row.li.remove(); });
        removed = [];
        chosen.forEach(function (entry) {
            entry.change = null;
            entry.transfer = null;
            entry.sent = 0;
            entry.error = null;
            redraw(entry);
        });
    }

    function forget(entry) {
        chosen.delete(entry.path);
        entry.row.li.remove();
        forgetPush();
        // A worker may be busy with it; the others' hashes go on.
        if (entry.hash === undefined) {
            restartHashing();
        }
        showChosen();
    }

    // The pool is stopped and what is not yet hashed starts again (a file left out mid-way).
    function restartHashing() {
        pool.reset();
        chosen.forEach(function (entry) {
            if (entry.hash === undefined && !entry.error) {
                startHashing(entry);
            }
        });
    }

    function clearChosen() {
        pool.reset();
        forgetPush();
        chosen.forEach(function (entry) { entry.row.li.remove(); });
        chosen.clear();
        clearErrors();
        showChosen();
    }

    function startHashing(entry) {
        entry.hashed = 0;
        entry.hashing = pool.hash(entry.file, function (done) {
            entry.hashed = done;
            redraw(entry);
        }).then(function (hash) {
            entry.hash = hash;
            redraw(entry);
            showChosen();
        }, function (error) {
            if (error.name !== 'AbortError' && chosen.get(entry.path) === entry) {
                entry.error = 'This file could not be read (' + error.message + '). Choose it again.';
                redraw(entry);
            }
        });
    }

    // files: [{path, file}]; replace: a folder, which stands for everything chosen.
    function choose(files, replace) {
        if (busy) {
            return;
        }
        if (replace) {
            clearChosen();
        } else {
            forgetPush();
        }
        clearErrors();
        files.forEach(function (item) {
            var path = normalise(item.path);
            if (!path || JUNK.test(path)) {
                return;
            }
            var old = chosen.get(path);
            if (old) {
                old.row.li.remove();
            }
            var entry = {path: path, file: item.file, size: item.file.size, hashed: 0, sent: 0};
            chosen.set(path, entry);
            makeRow(entry);
            render(entry);
            startHashing(entry);
        });
        if (files.length > 0 && chosen.size === 0) {
            showError('There is nothing to push in what was chosen.');
        }
        sortRows();
        showChosen();
    }

    function showChosen() {
        if (busy) {
            return;
        }
        var waiting = 0;
        var bytes = 0;
        chosen.forEach(function (entry) {
            bytes += entry.size;
            if (entry.hash === undefined && !entry.error) {
                waiting++;
            }
        });
        phase = 'idle';
        if (chosen.size === 0) {
            say('No files chosen.');
        } else if (waiting > 0) {
            say('Reading ' + chosen.size + (chosen.size === 1 ? ' file' : ' files') + ' (' + formatSize(bytes) + '): '
                + waiting + ' to go.');
        } else {
            say(chosen.size + (chosen.size === 1 ? ' file' : ' files') + ' (' + formatSize(bytes) + ') ready to push.');
        }
        if (clearButton) {
            clearButton.disabled = chosen.size === 0;
        }
        redraw();
    }

    // A folder chosen with <input webkitdirectory>: paths start with the folder's own name, left out.
    function fromFolderInput(files) {
        return Array.prototype.map.call(files, function (file) {
            var path = file.webkitRelativePath || file.name;
            return {path: path.indexOf('/') >= 0 ? path.slice(path.indexOf('/') + 1) : path, file: file};
        });
    }

    function readAll(directory) {
        var reader = directory.createReader();
        var found = [];
        return new Promise(function (resolve, reject) {
            // readEntries answers a batch at a time (100 in Chromium) until it answers none.
            (function more() {
                reader.readEntries(function (batch) {
                    if (batch.length === 0) {
                        resolve(found);
                    } else {
                        found = found.concat(batch);
                        more();
                    }
                }, reject);
            })();
        });
    }

    function walk(entry, prefix) {
        if (entry.isFile) {
            return new Promise(function (resolve, reject) {
                entry.file(function (file) { resolve([{path: prefix + entry.name, file: file}]); }, reject);
            });
        }
        if (entry.isDirectory) {
            return readAll(entry).then(function (children) {
                return Promise.all(children.map(function (child) {
                    return walk(child, prefix + entry.name + '/');
                }));
            }).then(function (lists) {
                return [].concat.apply([], lists);
            });
        }
        return Promise.resolve([]);
    }

    function dropped(dataTransfer) {
        // The entries must be taken while the drop event runs; they are read afterwards.
        var entries = [];
        var items = dataTransfer.items ? Array.prototype.slice.call(dataTransfer.items) : [];
        items.forEach(function (item) {
            var entry = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
            if (entry) {
                entries.push(entry);
            }
        });
        if (entries.length === 0) {
            var files = Array.prototype.map.call(dataTransfer.files || [], function (file) {
                return {path: file.name, file: file};
            });
            choose(files, false);
            return;
        }
        var oneFolder = entries.length === 1 && entries[0].isDirectory;
        say('Looking through what was dropped…');
        var walks = oneFolder
            ? readAll(entries[0]).then(function (children) {
                return Promise.all(children.map(function (child) { return walk(child, ''); }));
            })
            : Promise.all(entries.map(function (entry) { return walk(entry, ''); }));
        walks.then(function (lists) {
            choose([].concat.apply([], lists), oneFolder);
        }, function (error) {
            showError('What was dropped could not be read (' + (error && error.message || error) + ').');
            showChosen();
        });
    }

    function carriesFiles(event) {
        var types = event.dataTransfer && event.dataTransfer.types;
        return types && Array.prototype.indexOf.call(types, 'Files') >= 0;
    }

    if (filesInput) {
        on(filesInput, 'change', function () {
            choose(Array.prototype.map.call(filesInput.files, function (file) {
                return {path: file.name, file: file};
            }), false);
            filesInput.value = '';
        });
    }
    if (folderInput) {
        on(folderInput, 'change', function () {
            if (folderInput.files.length > 0) {
                choose(fromFolderInput(folderInput.files), true);
            }
            folderInput.value = '';
        });
    }
    if (dropZone) {
        on(dropZone, 'dragover', function (event) {
            if (carriesFiles(event)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
                dropZone.classList.add('dragging');
            }
        });
        on(dropZone, 'dragleave', function (event) {
            if (!dropZone.contains(event.relatedTarget)) {
                dropZone.classList.remove('dragging');
            }
        });
        on(dropZone, 'drop', function (event) {
            event.preventDefault();
            event.stopPropagation();
            dropZone.classList.remove('dragging');
            if (!busy) {
                dropped(event.dataTransfer);
            }
        });
    }
    // Files dropped beside the zone would make the browser open them, and leave the page.
    on(document, 'dragover', function (event) {
        if (carriesFiles(event)) {
            event.preventDefault();
        }
    });
    on(document, 'drop', function (event) {
        if (carriesFiles(event)) {
            event.preventDefault();
        }
    });
    if (clearButton) {
        on(clearButton, 'click', function () {
            if (!busy) {
                clearChosen();
            }
        });
    }

    // Errors -----------------------------------------------------------------------------------

    function clearErrors() {
        if (errorBox) {
            errorBox.textContent = '';
            errorBox.hidden = true;
        }
        if (messageInput) {
            messageInput.removeAttribute('aria-invalid');
        }
        chosen.forEach(function (entry) {
            if (entry.error && entry.hash !== undefined) {
                entry.error = null;
                redraw(entry);
            }
        });
    }

    function showError(message) {
        if (!errorBox) {
            window.alert(message);
            return;
        }
        var line = document.createElement('p');
        line.textContent = message;
        errorBox.appendChild(line);
        errorBox.hidden = false;
        errorBox.focus();
    }

    // The file the server named, else the top of the form.
    function showFileError(path, message) {
        var entry = chosen.get(path) || removed.filter(function (r) { return r.path === path; })[0];
        if (entry) {
            entry.error = message;
            redraw(entry);
        } else {
            showError(path + ': ' + message);
        }
    }

    // What the server said about a refused request, shown where it belongs. Answers what to tell at the top.
    function problem(status, body) {
        (body.files || []).forEach(function (file) {
            showFileError(file.path, file.message);
        });
        if (body.fields && body.fields.message && messageInput) {
            messageInput.setAttribute('aria-invalid', 'true');
        }
        if (status === 401) {
            return 'You are signed out. Sign in again (in another tab, so that what you chose stays here), then press Push again.';
        }
        if (body.error) {
            return body.error;
        }
        if (status === 403) {
            return 'Your role in this project does not allow pushing.';
        }
        if (status === 404) {
            return 'This project is not there any more.';
        }
        if (body.files && body.files.length > 0) {
            return 'Some files were refused; see the marked files.';
        }
        return 'Something went wrong (' + status + '); please try again.';
    }

    function Refused(message) {
        this.message = message;
    }

    // The API ------------------------------------------------------------------------------------

    function call(method, url, body) {
        var options = {
            method: method,
            headers: {'Accept': 'application/json'},
            credentials: 'same-origin'
        };
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        var send = window.soundhub.fetch || function (address, opts) {
            var meta = document.querySelector('meta[name="csrf-token"]');
            opts.headers['X-CSRF-Token'] = meta ? meta.content : '';
            return fetch(address, opts);
        };
        return send(url, options).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (answer) {
                return {status: response.status, ok: response.ok, body: answer || {}};
            });
        }, function () {
            throw new Refused('The connection to SoundHub broke. Check your network and press Push again.');
        });
    }

    // Storage ----------------------------------------------------------------------------------

    function pause(ms) {
        return new Promise(function (resolve) { setTimeout(resolve, ms); });
    }

    // One PUT with its upload progress; rejects with {status} (0: the connection broke).
    function put(url, body, onProgress) {
        return new Promise(function (resolve, reject) {
            var xhr = new XMLHttpRequest();
            requests.add(xhr);
            xhr.open('PUT', url);
            xhr.setRequestHeader('Content-Type', 'application/octet-stream');
            xhr.upload.addEventListener('progress', function (event) {
                onProgress(event.loaded);
            });
            xhr.addEventListener('loadend', function () {
                requests.delete(xhr);
                if (xhr.status >= 200 && xhr.status < 300) {
                    onProgress(body.size);
                    resolve();
                } else {
                    onProgress(0);
                    reject({status: xhr.status});
                }
            });
            xhr.send(body);
        });
    }

    // A PUT tried again after a pause when the connection breaks or storage has a passing problem.
    function putPatiently(url, body, onProgress) {
        var attempt = 0;
        function again() {
            return put(url, body, onProgress).catch(function (failure) {
                var passing = failure.status === 0 || failure.status === 408 || failure.status === 429 || failure.status >= 500;
                if (!passing || attempt >= RETRY_PAUSES_MS.length || !busy) {
                    throw new Refused(failure.status === 0
                        ? 'The connection broke while uploading.'
                        : 'Storage refused the upload (' + failure.status + ').');
                }
                return pause(RETRY_PAUSES_MS[attempt++]).then(again);
            });
        }
        return again();
    }

    function progressOf(c, done) {
        c.sent = done;
        c.entries.forEach(function (entry) {
            entry.sent = done;
            redraw(entry);
        });
    }

    function transfer(c, state) {
        c.entries.forEach(function (entry) {
            entry.transfer = state;
            if (state !== 'failed') {
                entry.error = null;
            }
            redraw(entry);
        });
    }

    // The parts of a large file, in order. On a later try storage is asked which parts it has.
    function sendParts(c) {
        var upload = c.content.upload;
        var ready = c.resume
            ? call('GET', api + '/pushes/' + encodeURIComponent(push.id) + '/contents/' + c.content.hash).then(function (answer) {
                if (!answer.ok) {
                    throw new Refused(problem(answer.status, answer.body));
                }
                return answer.body;
            })
            : Promise.resolve({verified: false, partSize: upload.partSize, parts: upload.parts});
        return ready.then(function (state) {
            if (state.verified) {
                return true;
            }
            var partSize = state.partSize;
            var parts = state.parts.slice().sort(function (a, b) { return a.number - b.number; });
            var stored = 0;
            parts.forEach(function (part) {
                if (part.uploaded) {
                    stored += Math.min(partSize, c.file.size - (part.number - 1) * partSize);
                }
            });
            progressOf(c, stored);
            return parts.reduce(function (previous, part) {
                return previous.then(function () {
                    if (part.uploaded) {
                        return null;
                    }
                    var start = (part.number - 1) * partSize;
                    var piece = c.file.slice(start, Math.min(c.file.size, start + partSize));
                    var before = stored;
                    return putPatiently(part.url, piece, function (loaded) {
                        progressOf(c, before + loaded);
                    }).then(function () {
                        stored += piece.size;
                    });
                });
            }, Promise.resolve()).then(function () { return false; });
        });
    }

    function verify(c) {
        return call('POST', api + '/pushes/' + encodeURIComponent(push.id) + '/contents/' + c.content.hash)
            .then(function (answer) {
                if (answer.ok) {
                    return null;
                }
                var mine = (answer.body.files || []).filter(function (file) {
                    return c.content.paths.indexOf(file.path) >= 0;
                })[0];
                return {status: answer.status, message: mine ? mine.message : problem(answer.status, answer.body)};
            });
    }

    // One content: its bytes to storage, then checked by the server. When the check fails (the
    // bytes do not match) it is sent once more, as the API asks.
    function sendContent(c) {
        var tries = 0;
        function attempt() {
            tries++;
            transfer(c, 'uploading');
            var sending = c.content.upload.parts
                ? sendParts(c)
                : putPatiently(c.content.upload.url, c.file, function (loaded) { progressOf(c, loaded); }).then(function () { return false; });
            return sending.then(function (alreadyVerified) {
                progressOf(c, c.content.size);
                if (alreadyVerified) {
                    return null;
                }
                transfer(c, 'checking');
                return verify(c);
            }).then(function (failure) {
                if (!failure) {
                    c.verified = true;
                    c.resume = false;
                    transfer(c, 'verified');
                    return;
                }
                if (failure.status === 422 && tries < 2) {
                    // Sent again from the first byte, every part.
                    c.resume = false;
                    progressOf(c, 0);
                    return attempt();
                }
                throw new Refused(failure.message);
            });
        }
        return attempt().catch(function (error) {
            c.resume = true;
            progressOf(c, 0);
            var message = error instanceof Refused ? error.message : String(error && error.message || error);
            c.entries.forEach(function (entry) {
                entry.transfer = 'failed';
                entry.error = message;
                redraw(entry);
            });
            throw error;
        });
    }

    function sendMissing() {
        var queue = push.contents.filter(function (c) { return !c.verified; });
        var failed = 0;
        function lane() {
            var c = queue.shift();
            if (!c) {
                return Promise.resolve();
            }
            return sendContent(c).catch(function () { failed++; }).then(lane);
        }
        var lanes = [];
        for (var i = 0; i < UPLOADS_AT_ONCE; i++) {
            lanes.push(lane());
        }
        return Promise.all(lanes).then(function () { return failed; });
    }

    // The push -----------------------------------------------------------------------------------

    function describe(changes) {
        var byPath = {};
        (changes.added || []).forEach(function (path) { byPath[path] = 'added'; });
        (changes.changed || []).forEach(function (path) { byPath[path] = 'changed'; });
        chosen.forEach(function (entry) {
            entry.change = byPath[entry.path] || 'unchanged';
            entry.transfer = null;
            entry.sent = 0;
            entry.error = null;
            redraw(entry);
        });
        removed.forEach(function (entry) { entry.row.li.remove(); });
        removed = (changes.removed || []).map(function (path) {
            var entry = {path: path, size: 0, hashed: 0, sent: 0, change: 'removed'};
            makeRow(entry);
            render(entry);
            return entry;
        });
        sortRows();
    }

    function startPush(files) {
        var signature = JSON.stringify([base, wholeBox ? wholeBox.checked : false, files]);
        if (push && push.signature === signature) {
            return Promise.resolve();
        }
        push = null;
        say('Comparing with revision ' + base + '…');
        var started = proposal ? {base: base, files: files, proposal: true}
            : {base: base, files: files, wholeProject: wholeBox ? wholeBox.checked : false};
        return call('POST', api + '/pushes', started)
            .then(function (answer) {
                if (answer.status !== 201) {
                    throw new Refused(problem(answer.status, answer.body));
                }
                describe(answer.body.changes || {});
                push = {
                    signature: signature,
                    id: answer.body.id,
                    changes: answer.body.changes || {},
                    contents: (answer.body.missing || []).map(function (content) {
                        var entries = content.paths.map(function (path) { return chosen.get(path); })
                            .filter(function (entry) { return entry && entry.hash === content.hash; });
                        if (entries.length === 0) {
                            throw new Refused('The server asked for a file that was not chosen: ' + content.paths.join(', '));
                        }
                        entries.forEach(function (entry) { entry.transfer = 'waiting'; redraw(entry); });
                        return {content: content, file: entries[0].file, entries: entries, sent: 0, verified: false, resume: false};
                    })
                };
            });
    }

    function propose() {
        phase = 'committing';
        redraw();
        say('Proposing the take…');
        var body = {push: push.id, note: messageInput ? messageInput.value.trim() : ''};
        if (instrumentInput && instrumentInput.value) {
            body.instrument = Number(instrumentInput.value);
        }
        return call('POST', api + '/proposals', body).then(function (answer) {
            if (answer.status === 201) {
                say('Proposal #' + answer.body.number + ' sent. Opening it…');
                window.location.assign('/projects/' + encodeURIComponent(projectId) + '/proposals/' + answer.body.number);
                return true;
            }
            throw new Refused(problem(answer.status, answer.body));
        });
    }

    function commit() {
        if (proposal) {
            return propose();
        }
        phase = 'committing';
        redraw();
        say('Saving the revision…');
        return call('POST', api + '/pushes/' + encodeURIComponent(push.id) + '/commit', {message: messageInput ? messageInput.value.trim() : ''})
            .then(function (answer) {
                if (answer.status === 201) {
                    say('Revision ' + answer.body.revision + ' saved. Opening it…');
                    window.location.assign('/projects/' + encodeURIComponent(projectId) + '/revisions/' + answer.body.revision);
                    return true;
                }
                // Contents the server did not get are sent again on the next try.
                (answer.body.files || []).forEach(function (file) {
                    push.contents.forEach(function (c) {
                        if (c.content.paths.indexOf(file.path) >= 0) {
                            c.verified = false;
                            c.resume = true;
                        }
                    });
                });
                throw new Refused(problem(answer.status, answer.body));
            });
    }

    function setBusy(on) {
        busy = on;
        form.setAttribute('aria-busy', on ? 'true' : 'false');
        [submitButton, filesInput, folderInput, wholeBox, clearButton].forEach(function (control) {
            if (control) {
                control.disabled = on;
            }
        });
        list.querySelectorAll('.push-leave').forEach(function (button) { button.disabled = on; });
    }

    function warnBeforeLeaving(event) {
        if (busy) {
            event.preventDefault();
            event.returnValue = '';
        }
    }
    on(window, 'beforeunload', warnBeforeLeaving);

    function run() {
        clearErrors();
        if (chosen.size === 0) {
            showError('Choose the files or the folder to push.');
            return;
        }
        if (!proposal && messageInput && !messageInput.value.trim()) {
            messageInput.setAttribute('aria-invalid', 'true');
            showError('Say in a few words what this revision changes.');
            messageInput.focus();
            return;
        }
        var unreadable = [];
        chosen.forEach(function (entry) {
            if (entry.error && entry.hash === undefined) {
                unreadable.push(entry.path);
            }
        });
        if (unreadable.length > 0) {
            showError('Some files could not be read; leave them out or choose them again.');
            return;
        }
        setBusy(true);
        phase = 'hashing';
        say('Reading the files…');
        var hashing = [];
        chosen.forEach(function (entry) { hashing.push(entry.hashing); });
        Promise.all(hashing).then(function () {
            var files = [];
            chosen.forEach(function (entry) {
                if (entry.hash === undefined) {
                    throw new Refused('Some files could not be read; leave them out or choose them again.');
                }
                files.push({path: entry.path, size: entry.size, hash: entry.hash});
            });
            files.sort(function (a, b) { return a.path < b.path ? -1 : a.path > b.path ? 1 : 0; });
            return startPush(files);
        }).then(function () {
            var changes = push.changes;
            var count = (changes.added || []).length + (changes.changed || []).length + (changes.removed || []).length;
            if (count === 0) {
                throw new Refused('Nothing changed since revision ' + base + '.');
            }
            var bytes = push.contents.reduce(function (sum, c) { return sum + (c.verified ? 0 : c.content.size); }, 0);
            phase = 'uploading';
            redraw();
            say(count + (count === 1 ? ' change' : ' changes') + '; uploading ' + formatSize(bytes) + '…');
            return sendMissing();
        }).then(function (failed) {
            if (failed > 0) {
                throw new Refused((failed === 1 ? 'A file' : failed + ' files') + ' did not upload (see the marked files). '
                    + 'Press Push again to go on from where it stopped.');
            }
            return commit();
        }).then(function () {
            // On its way to the new revision's page.
        }, function (error) {
            setBusy(false);
            phase = 'idle';
            redraw();
            say('Nothing was saved yet. What you chose is still here.');
            showError(error instanceof Refused ? error.message : 'Something went wrong: ' + (error && error.message || error));
        });
    }

    on(form, 'submit', function (event) {
        event.preventDefault();
        if (!busy) {
            run();
        }
    });

    // Links change pages in place: when this form leaves the page, its work stops with it.
    function dispose() {
        pool.reset();
        requests.forEach(function (xhr) { xhr.abort(); });
        busy = false;
        listeners.forEach(function (listener) {
            listener[0].removeEventListener(listener[1], listener[2]);
        });
    }
    on(document, 'htmx:afterSwap', function () {
        if (!document.contains(form)) {
            dispose();
        }
    });

    showChosen();
})();
