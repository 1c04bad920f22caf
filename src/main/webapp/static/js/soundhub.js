// SoundHub page behaviour shared by all pages. Loaded with `defer`, no inline scripts (CSP).
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');

    // htmx requests carry the CSRF token like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        if (csrfMeta) {
            event.detail.headers['X-CSRF-Token'] = csrfMeta.content;
        }
    });

    // Forms that destroy something ask first (data-confirm="question").
    document.addEventListener('submit', function (event) {
        var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });

    // For scripts on our pages: fetch() with the CSRF header set.
    window.soundhub = window.soundhub || {};
    window.soundhub.fetch = function (url, options) {
        options = options || {};
        options.headers = Object.assign({'X-CSRF-Token': csrfMeta ? csrfMeta.content : ''}, options.headers || {});
        options.credentials = 'same-origin';
        return fetch(url, options);
    };
})();
