// Profile pictures on the settings page: the chosen file goes to the server as it is, which resizes
// it; the preview shows the stored result, and any problem is said next to the picker.
(function () {
    'use strict';

    var status = document.querySelector('[data-picture-status]');

    document.querySelectorAll('[data-picture-input]').forEach(function (input) {
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            if (!file) {
                return;
            }
            var picker = input.closest('[data-picture]');
            var preview = picker.querySelector('[data-picture-preview]');
            status.textContent = 'Uploading ' + file.name + '…';
            input.disabled = true;
            window.soundhub.fetch(input.getAttribute('data-picture-input'), {
                method: 'POST',
                headers: {'Content-Type': file.type || 'application/octet-stream'},
                body: file
            }).then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (answer) {
                    if (!response.ok) {
                        throw new Error(answer.error || 'The picture could not be saved. Try again.');
                    }
                    preview.src = answer.url;
                    preview.hidden = false;
                    status.textContent = 'Saved.';
                });
            }).catch(function (error) {
                status.textContent = error.message;
            }).finally(function () {
                input.disabled = false;
                input.value = '';
            });
        });
    });
})();
