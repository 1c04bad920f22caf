// SoundHub page behaviour shared by all pages. Loaded with `defer`, no inline scripts (CSP).
// It runs once per visit: links load the next page into #page (hx-boost, see fragments/layout.html)
// so that the player bar keeps playing, and what a full load does for a page is done here for the
// page swapped in (its viewer part, the CSRF token, focus).
(function () {
    'use strict';

    var csrfMeta = document.querySelector('meta[name="csrf-token"]');

    function csrfToken() {
        return csrfMeta ? csrfMeta.content : '';
    }

    function signedIn() {
        return /(?:^|; )soundhub_member=/.test(document.cookie);
    }

    // htmx requests carry the CSRF token like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        event.detail.headers['X-CSRF-Token'] = csrfToken();
    });

    // Forms that destroy something ask first (data-confirm="question").
    document.addEventListener('submit', function (event) {
        // The button pressed may ask its own question (a form that hides or deletes).
        var button = event.submitter;
        var question = (button && button.getAttribute('data-confirm'))
            || (event.target.getAttribute && event.target.getAttribute('data-confirm'));
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
    // Each page asks for its own viewer part; an answer for a page left meanwhile is dropped.
    var viewerRequest = 0;

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

    function loadViewerParts() {
        var request = ++viewerRequest;
        var viewerUrl = document.body.getAttribute('data-viewer');
        if (!viewerUrl || !/(?:^|; )(soundhub_member|soundhub_flash)=/.test(document.cookie)) {
            return;
        }
        fetch(viewerUrl, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html && request === viewerRequest) {
                    showViewerParts(html);
                }
            })
            .catch(function () {
                // The page still works as a visitor's; a reload tries again.
            });
    }

    loadViewerParts();

    // Parts loaded later ("More comments") get the same treatment.
    document.addEventListener('htmx:afterSwap', function (event) {
        applyViewer(event.target.parentNode || document);
    });

    // The header's menu on narrow screens: a button that shows and hides the links (Escape closes it).
    function menuToggle() {
        return document.querySelector('[data-menu-toggle]');
    }

    function setMenu(open) {
        var toggle = menuToggle();
        var bar = toggle && toggle.closest('.site-bar');
        if (bar) {
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            bar.classList.toggle('menu-open', open);
        }
    }

    document.addEventListener('click', function (event) {
        var toggle = event.target.closest && event.target.closest('[data-menu-toggle]');
        if (toggle) {
            setMenu(toggle.getAttribute('aria-expanded') !== 'true');
            return;
        }
        var open = document.querySelector('.site-bar.menu-open');
        if (open && !open.contains(event.target)) {
            setMenu(false);
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && document.querySelector('.site-bar.menu-open')) {
            setMenu(false);
            menuToggle().focus();
        }
    });

    // Pages that change in place. Forms that send something, and files, load in full as always.
    document.addEventListener('htmx:beforeProcessNode', function (event) {
        var elt = event.target;
        if (!elt.getAttribute || elt.hasAttribute('hx-boost')) {
            return;
        }
        var sends = elt.tagName === 'FORM' && (elt.getAttribute('method') || 'get').toLowerCase() !== 'get';
        var file = elt.tagName === 'A' && (elt.hasAttribute('download') || /\/download\//.test(elt.pathname || ''));
        if (sends || file) {
            elt.setAttribute('hx-boost', 'false');
        }
    });

    function isSiteResponse(html) {
        return typeof html === 'string' && /<div id="page"/.test(html);
    }

    // The member's header, kept while a public page's viewer part is on its way (no flash of a visitor's header).
    var keptNav = null;

    document.addEventListener('htmx:beforeSwap', function (event) {
        var detail = event.detail;
        if (!detail.boosted) {
            return;
        }
        if (!isSiteResponse(detail.serverResponse)) {
            // Not one of the site's pages (something in front of it answered): open it the ordinary way.
            detail.shouldSwap = false;
            window.location.assign(detail.xhr.responseURL || detail.pathInfo.requestPath);
            return;
        }
        // "Not found" and a form shown again with its errors are pages too.
        detail.shouldSwap = true;
        detail.isError = false;
        keptNav = signedIn() ? document.getElementById('site-nav') : null;
    });

    function focusMain() {
        var active = document.activeElement;
        if (active && active !== document.body && document.contains(active)) {
            return;
        }
        var main = document.getElementById('main');
        if (main) {
            main.focus({preventScroll: true});
        }
    }

    // A page swapped in: what a full load of it would have done.
    function arrived(html, navigated) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var viewerUrl = page.body ? page.body.getAttribute('data-viewer') : null;
        if (viewerUrl) {
            document.body.setAttribute('data-viewer', viewerUrl);
        } else {
            document.body.removeAttribute('data-viewer');
        }
        var token = page.querySelector('meta[name="csrf-token"]');
        if (token && token.content && csrfMeta) {
            csrfMeta.content = token.content;
        }
        var member = signedIn();
        document.documentElement.classList.toggle('member', member);
        var fresh = document.getElementById('site-nav');
        if (keptNav && viewerUrl && member && fresh && fresh !== keptNav) {
            var focused = document.activeElement && fresh.contains(document.activeElement) ? document.activeElement.id : '';
            fresh.replaceWith(keptNav);
            // htmx let go of the old header's links when it left the page; it takes them up again.
            if (window.htmx) {
                window.htmx.process(keptNav);
            }
            if (focused && document.getElementById(focused)) {
                document.getElementById(focused).focus();
            }
        }
        keptNav = null;
        // Who is looking stays the same; what they may do on this page comes with its viewer part.
        if (viewer) {
            viewer = member ? {token: viewer.token, member: viewer.member, moderator: false} : null;
        }
        applyViewer(document);
        loadViewerParts();
        if (navigated) {
            focusMain();
        }
    }

    document.addEventListener('htmx:afterSettle', function (event) {
        var detail = event.detail;
        if (event.target.id === 'page' && detail && detail.xhr) {
            arrived(detail.xhr.response, !!detail.boosted);
        }
    });
    // Back and forward bring pages from the server again (no copies are kept in the browser).
    document.addEventListener('htmx:historyCacheMissLoad', function (event) {
        if (!isSiteResponse(event.detail.response)) {
            window.location.reload();
            return;
        }
        keptNav = signedIn() ? document.getElementById('site-nav') : null;
    });
    document.addEventListener('htmx:historyCacheMissLoadError', function () {
        window.location.reload();
    });
    document.addEventListener('htmx:historyRestore', function (event) {
        if (event.detail && typeof event.detail.serverResponse === 'string') {
            arrived(event.detail.serverResponse, true);
        }
    });

    // For scripts on our pages: show the current page anew, keeping the player bar playing.
    window.soundhub.reload = function () {
        if (window.htmx && document.getElementById('page')) {
            window.htmx.ajax('GET', window.location.pathname + window.location.search,
                {target: '#page', select: '#page', swap: 'outerHTML'});
        } else {
            window.location.reload();
        }
    };
})();
