// The upload page: validate the details on the server, send the file straight to storage with a
// progress bar, confirm, then follow processing on the upload's own page.
(function () {
    'use strict';

    var form = document.querySelector('[data-upload-form]');
    if (!form) {
        return;
    }
    var fileInput = form.querySelector('#file');
    var coverInput = form.querySelector('[data-cover-input]');
    var titleInput = form.querySelector('#title');
    var submit = form.querySelector('[data-upload-submit]');
    var formErrors = form.querySelector('[data-form-errors]');
    var progressBox = form.querySelector('[data-upload-progress]');
    var progressBar = progressBox.querySelector('progress');
    var progressLabel = progressBox.querySelector('[data-upload-label]');

    function clearErrors() {
        formErrors.hidden = true;
        formErrors.textContent = '';
        form.querySelectorAll('[aria-invalid="true"]').forEach(function (field) {
            field.removeAttribute('aria-invalid');
        });
        form.querySelectorAll('small[data-error]').forEach(function (small) {
            if (small.dataset.hint !== undefined) {
                small.textContent = small.dataset.hint;
                delete small.dataset.error;
            } else {
                small.remove();
            }
        });
    }

    function showFieldError(field, message) {
        var input = form.querySelector('[name="' + field + '"]') || (field === 'file' ? fileInput : null);
        var helpId = field + '-help';
        var help = document.getElementById(helpId);
        if (!help && input) {
            help = document.createElement('small');
            help.id = helpId;
            var container = input.closest('label') || input.closest('fieldset') || input.parentNode;
            container.appendChild(help);
        }
        if (help) {
            if (help.dataset.hint === undefined && help.textContent && !help.dataset.error) {
                help.dataset.hint = help.textContent;
            }
            help.textContent = message;
            help.dataset.error = 'true';
            help.classList.add('field-error');
        }
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', helpId);
        }
    }

    function showFormError(message) {
        formErrors.textContent = message;
        formErrors.hidden = false;
        formErrors.scrollIntoView({block: 'center'});
    }

    function busy(on, label) {
        submit.disabled = on;
        submit.setAttribute('aria-busy', on ? 'true' : 'false');
        progressBox.hidden = !on && !label;
        if (label) {
            progressLabel.textContent = label;
        }
    }

    function detailsWithoutFile(file) {
        var data = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (name !== 'file' && name !== 'cover') {
                data.append(name, value);
            }
        });
        data.append('fileName', file ? file.name : '');
        data.append('fileSize', file ? String(file.size) : '');
        return data;
    }

    function putFile(slot, file) {
        return new Promise(function (resolve, reject) {
            var xhr = new XMLHttpRequest();
            xhr.open('PUT', slot.url);
            xhr.setRequestHeader('Content-Type', slot.contentType);
            xhr.upload.addEventListener('progress', function (event) {
                if (event.lengthComputable) {
                    var percent = Math.floor(event.loaded * 100 / event.total);
                    progressBar.value = percent;
                    progressLabel.textContent = 'Uploading… ' + percent + '%';
                }
            });
            xhr.addEventListener('load', function () {
                if (xhr.status >= 200 && xhr.status < 300) {
                    resolve();
                } else {
                    reject(new Error('Storage refused the file (' + xhr.status + ').'));
                }
            });
            xhr.addEventListener('error', function () {
                reject(new Error('The connection broke while uploading. Check your network and try again.'));
            });
            xhr.send(file);
        });
    }

    // The title, when left empty, comes from the file: the title in its tags (ID3 in MP3, Vorbis
    // comments in FLAC), else its name. The server does the same (with ffprobe) for what is missed here.
    function titleFromName(name) {
        return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
    }

    function text(bytes, encoding) {
        try {
            return new TextDecoder(encoding).decode(bytes).replace(/\u0000+$/, '').replace(/\u0000/g, ' ').trim();
        } catch (e) {
            return '';
        }
    }

    function syncsafe(view, at) {
        return (view.getUint8(at) << 21) | (view.getUint8(at + 1) << 14) | (view.getUint8(at + 2) << 7) | view.getUint8(at + 3);
    }

    // ID3v2.3/2.4: the TIT2 frame.
    function id3Title(buffer) {
        var view = new DataView(buffer);
        if (buffer.byteLength < 10 || text(new Uint8Array(buffer, 0, 3), 'latin1') !== 'ID3') {
            return '';
        }
        var version = view.getUint8(3);
        var end = Math.min(buffer.byteLength, 10 + syncsafe(view, 6));
        var at = 10;
        while (at + 10 <= end) {
            var id = text(new Uint8Array(buffer, at, 4), 'latin1');
            var size = version === 4 ? syncsafe(view, at + 4) : view.getUint32(at + 4);
            if (!/^[A-Z0-9]{4}$/.test(id) || size <= 0 || at + 10 + size > end) {
                return '';
            }
            if (id === 'TIT2') {
                var frame = new Uint8Array(buffer, at + 11, size - 1);
                var encoding = ['latin1', 'utf-16le', 'utf-16be', 'utf-8'][view.getUint8(at + 10)] || 'latin1';
                if (encoding === 'utf-16le' && frame[0] === 0xfe && frame[1] === 0xff) {
                    encoding = 'utf-16be';
                }
                return text(frame, encoding);
            }
            at += 10 + size;
        }
        return '';
    }

    // FLAC: the TITLE= comment of the VORBIS_COMMENT block.
    function flacTitle(buffer) {
        var view = new DataView(buffer);
        if (buffer.byteLength < 8 || text(new Uint8Array(buffer, 0, 4), 'latin1') !== 'fLaC') {
            return '';
        }
        var at = 4;
        while (at + 4 <= buffer.byteLength) {
            var header = view.getUint8(at);
            var length = (view.getUint8(at + 1) << 16) | (view.getUint8(at + 2) << 8) | view.getUint8(at + 3);
            if ((header & 0x7f) === 4 && at + 4 + length <= buffer.byteLength) {
                var p = at + 4;
                p += 4 + view.getUint32(p, true);
                var count = view.getUint32(p, true);
                p += 4;
                for (var i = 0; i < count && p + 4 <= buffer.byteLength; i++) {
                    var size = view.getUint32(p, true);
                    var comment = text(new Uint8Array(buffer, p + 4, Math.min(size, buffer.byteLength - p - 4)), 'utf-8');
                    if (/^title=/i.test(comment)) {
                        return comment.slice(6).trim();
                    }
                    p += 4 + size;
                }
                return '';
            }
            if (header & 0x80) {
                return '';
            }
            at += 4 + length;
        }
        return '';
    }

    var titleFilled = false;
    fileInput.addEventListener('change', function () {
        var file = fileInput.files && fileInput.files[0];
        if (!file || !titleInput || (titleInput.value.trim() !== '' && !titleFilled)) {
            return;
        }
        titleInput.value = titleFromName(file.name);
        titleFilled = true;
        file.slice(0, 512 * 1024).arrayBuffer().then(function (buffer) {
            var tagged = '';
            try {
                tagged = id3Title(buffer) || flacTitle(buffer);
            } catch (e) {
                tagged = '';
            }
            if (tagged && titleFilled && fileInput.files[0] === file) {
                titleInput.value = tagged.slice(0, 200);
            }
        }).catch(function () {});
    });
    if (titleInput) {
        titleInput.addEventListener('input', function () { titleFilled = false; });
    }

    // The cover picture goes to the server once the recording exists; problems are said at the picker.
    function sendCover(slot) {
        var cover = coverInput && coverInput.files && coverInput.files[0];
        if (!cover) {
            return Promise.resolve();
        }
        progressLabel.textContent = 'Saving the cover picture…';
        return window.soundhub.fetch('/api' + slot.recording + '/cover', {
            method: 'POST',
            headers: {'Content-Type': cover.type || 'application/octet-stream', 'Accept': 'application/json'},
            body: cover
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (answer) {
                if (!response.ok) {
                    showFieldError('cover', answer.error || 'The cover picture could not be saved.');
                    throw new Error('Please correct the marked fields.');
                }
            });
        });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearErrors();
        var file = fileInput.files && fileInput.files[0];
        var maxBytes = Number(fileInput.dataset.maxBytes);
        if (file && maxBytes && file.size > maxBytes) {
            showFieldError('file', 'The file is larger than ' + Math.round(maxBytes / 1048576) + ' MB.');
            showFormError('Please correct the marked fields.');
            return;
        }
        busy(true, 'Checking the details…');
        progressBar.removeAttribute('value');
        window.soundhub.fetch('/api/uploads', {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
            body: detailsWithoutFile(file)
        }).then(function (response) {
            return response.json().then(function (body) {
                return {status: response.status, body: body};
            });
        }).then(function (answer) {
            if (answer.status === 422) {
                Object.keys(answer.body.fields || {}).forEach(function (field) {
                    showFieldError(field, answer.body.fields[field][0]);
                });
                throw new Error(answer.body.error || 'Please correct the marked fields.');
            }
            if (answer.status !== 201) {
                throw new Error(answer.body.error || 'Something went wrong; please try again.');
            }
            var slot = answer.body;
            return sendCover(slot).then(function () {
                progressBar.value = 0;
                progressLabel.textContent = 'Uploading… 0%';
                return putFile(slot, file);
            }).then(function () {
                progressLabel.textContent = 'Uploaded. Starting processing…';
                return window.soundhub.fetch(slot.confirm, {method: 'POST', headers: {'Accept': 'application/json'}});
            }).then(function (response) {
                if (!response.ok) {
                    return response.json().then(function (body) {
                        throw new Error(body.error || 'The upload could not be confirmed.');
                    });
                }
                window.location.assign(slot.status);
            });
        }).catch(function (error) {
            busy(false);
            progressBox.hidden = true;
            showFormError(error.message);
        });
    });
})();
