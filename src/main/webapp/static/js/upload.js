// The upload page: validate the details on the server, send the file straight to storage with a
// progress bar, confirm, then follow processing on the upload's own page.
(function () {
    'use strict';

    var form = document.querySelector('[data-upload-form]');
    if (!form) {
        return;
    }
    var fileInput = form.querySelector('#file');
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
            if (name !== 'file') {
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
            progressBar.value = 0;
            progressLabel.textContent = 'Uploading… 0%';
            return putFile(slot, file).then(function () {
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
