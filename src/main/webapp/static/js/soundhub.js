// SoundHub page behaviour shared by all pages. Loaded with `defer`, no inline scripts (CSP).
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');

    function csrfToken() {
        return csrfMeta ? csrfMeta.content : '';
    }

    // htmx requests carry the CSRF token like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        event.detail.headers['X-CSRF-Token'] = csrfToken();
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
        options.headers = Object.assign({'X-CSRF-Token': csrfToken()}, options.headers || {});
        options.credentials = 'same-origin';
        return fetch(url, options);
    };

    // A public page is the same for everyone. What is the viewer's own (their header, their like,
    // their controls, the token for its forms) comes from the page's viewer part: each element of
    // it replaces the page's element with the same id, and #viewer-state says who is looking.
    var viewer = null;

    function applyViewer(root) {
        if (!viewer) {
            return;
        }
        root.querySelectorAll('input[name="_csrf"]').forEach(function (input) {
            input.value = viewer.token;
        });
        // A comment's author may delete it, and so may the recording's owner and admins; nobody reports their own.
        root.querySelectorAll('.comment-actions[data-author]').forEach(function (actions) {
            var mine = viewer.member !== '' && actions.getAttribute('data-author') === viewer.member;
            var remove = actions.querySelector('[data-delete]');
            var report = actions.querySelector('[data-report]');
            if (remove) {
                remove.hidden = !(mine || viewer.moderator);
            }
            if (report) {
                report.hidden = mine;
            }
        });
    }

    function showViewerParts(html) {
        var parts = new DOMParser().parseFromString(html, 'text/html');
        var state = parts.getElementById('viewer-state');
        Array.prototype.slice.call(parts.body.children).forEach(function (part) {
            var target = part.id && part.id !== 'viewer-state' ? document.getElementById(part.id) : null;
            if (target) {
                var adopted = document.importNode(part, true);
                target.replaceWith(adopted);
                if (window.htmx) {
                    window.htmx.process(adopted);
                }
            }
        });
        if (state) {
            viewer = {
                token: state.getAttribute('data-csrf-token') || '',
                member: state.getAttribute('data-member') || '',
                moderator: state.getAttribute('data-moderator') === 'true'
            };
            if (csrfMeta) {
                csrfMeta.content = viewer.token;
            }
            document.documentElement.classList.toggle('member', viewer.member !== '');
            applyViewer(document);
        }
    }

    var viewerUrl = document.body.getAttribute('data-viewer');
    if (viewerUrl && /(?:^|; )(soundhub_member|soundhub_flash)=/.test(document.cookie)) {
        fetch(viewerUrl, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html) {
                    showViewerParts(html);
                }
            })
            .catch(function () {
                // The page still works as a visitor's; a reload tries again.
            });
    }

    // Parts loaded later ("More comments") get the same treatment.
    document.addEventListener('htmx:afterSwap', function (event) {
        applyViewer(event.target.parentNode || document);
    });
})();
