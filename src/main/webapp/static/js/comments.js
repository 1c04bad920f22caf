// Comments on the recording page: markers on the waveform at each comment's moment (click one to
// jump there), "at" filled from the player when writing, replies, and the share box's copy buttons.
// The page may be swapped for another without a full load, so listeners go on the page's own
// elements, never on the document.
(function () {
    'use strict';

    var player = document.querySelector('[data-player]');
    var comments = document.getElementById('comments');
    var duration = player ? Number(player.dataset.duration) || 0 : 0;

    function clock(seconds) {
        seconds = Math.max(0, Math.floor(seconds));
        var rest = seconds % 60;
        return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function seek(seconds) {
        if (window.soundhubPlayer) {
            window.soundhubPlayer.seekTo(seconds, true);
        }
    }

    function playerTime() {
        return window.soundhubPlayer ? window.soundhubPlayer.time() : 0;
    }

    // Markers: one button per comment moment, placed along the waveform.
    var layer = document.querySelector('[data-marker-layer]');
    if (layer && player && duration > 0) {
        (layer.dataset.markers || '').split(',').filter(Boolean).forEach(function (marker) {
            var parts = marker.split(':');
            var seconds = Number(parts[0]) / 1000;
            var comment = document.getElementById('comment-' + parts[1]);
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'comment-marker';
            button.style.left = Math.min(100, (seconds / duration) * 100) + '%';
            var text = comment ? comment.querySelector('.comment-body') : null;
            var author = comment ? comment.querySelector('.comment-meta a') : null;
            button.title = (author ? author.textContent + ' at ' : 'At ') + clock(seconds)
                + (text ? ': ' + text.textContent.slice(0, 80) : '');
            button.setAttribute('aria-label', button.title);
            button.addEventListener('click', function () {
                seek(seconds);
                if (comment) {
                    comment.classList.add('highlight');
                    setTimeout(function () { comment.classList.remove('highlight'); }, 2000);
                }
            });
            layer.appendChild(button);
        });
    }

    // "at 1:23" in a comment jumps there.
    if (comments) {
        comments.addEventListener('click', function (event) {
            var target = event.target.closest && event.target.closest('[data-seek]');
            if (target) {
                seek(Number(target.getAttribute('data-seek')));
            }
        });
    }

    // The comment form. It is sent with htmx; a rejected comment comes back as a new form (what
    // was typed, and what was wrong) that replaces this one, so it is set up again each time.
    function setUpForm(form) {
        if (!form || form.dataset.ready) {
            return;
        }
        form.dataset.ready = 'true';
        var at = form.querySelector('[data-comment-at]');
        var body = form.querySelector('textarea');
        var replyTo = form.querySelector('[data-reply-to]');
        var replying = form.querySelector('[data-replying]');
        var touched = at.value !== '';
        at.addEventListener('input', function () { touched = true; });
        // Starting to write takes the moment the player is at, unless one was typed.
        body.addEventListener('focus', function () {
            if (!touched && playerTime() > 0) {
                at.value = clock(playerTime());
            }
        });
        form.querySelector('[data-cancel-reply]').addEventListener('click', function () {
            replyTo.value = '';
            replying.hidden = true;
        });
        if (replyTo.value) {
            var answered = document.querySelector('#comment-' + replyTo.value + ' .comment-meta a');
            replying.querySelector('[data-replying-to]').textContent = answered ? answered.textContent : 'a comment';
            replying.hidden = false;
        }
        var invalid = form.querySelector('[aria-invalid="true"]');
        if (invalid && form.dataset.swapped) {
            invalid.focus();
        }
    }

    if (comments) {
        setUpForm(document.getElementById('comment-form'));

        comments.addEventListener('click', function (event) {
            var reply = event.target.closest && event.target.closest('[data-reply]');
            var form = document.getElementById('comment-form');
            if (reply && form) {
                form.querySelector('[data-reply-to]').value = reply.getAttribute('data-reply');
                var replying = form.querySelector('[data-replying]');
                replying.querySelector('[data-replying-to]').textContent = reply.getAttribute('data-reply-name');
                replying.hidden = false;
                form.querySelector('textarea').focus();
            }
        });

        // A rejected comment (422) is shown: its form replaces the one on the page.
        comments.addEventListener('htmx:beforeSwap', function (event) {
            var source = event.detail.elt;
            if (source && source.id === 'comment-form' && event.detail.xhr.status === 422) {
                event.detail.shouldSwap = true;
                event.detail.isError = false;
            }
        });
        comments.addEventListener('htmx:afterSwap', function () {
            var form = document.getElementById('comment-form');
            if (form && !form.dataset.ready) {
                form.dataset.swapped = 'true';
                setUpForm(form);
            }
        });
        // Anything else that goes wrong is said in the form, which keeps what was typed.
        ['htmx:responseError', 'htmx:sendError'].forEach(function (name) {
            comments.addEventListener(name, function (event) {
                var source = event.detail.elt;
                if (!source || source.id !== 'comment-form' || (event.detail.xhr && event.detail.xhr.status === 422)) {
                    return;
                }
                var note = source.querySelector('[data-send-error]');
                if (!note) {
                    note = document.createElement('p');
                    note.className = 'form-errors';
                    note.setAttribute('role', 'alert');
                    note.setAttribute('data-send-error', '');
                    source.insertBefore(note, source.firstChild);
                }
                note.textContent = name === 'htmx:sendError'
                    ? 'The comment could not be sent: check your connection and try again.'
                    : 'The comment could not be posted. Reload the page and try again.';
            });
        });
    }

    document.querySelectorAll('[data-copy]').forEach(function (button) {
        button.addEventListener('click', function () {
            var source = document.getElementById(button.getAttribute('data-copy'));
            source.select();
            (navigator.clipboard ? navigator.clipboard.writeText(source.value) : Promise.reject())
                .then(function () { button.textContent = 'Copied'; })
                .catch(function () { document.execCommand('copy'); button.textContent = 'Copied'; });
        });
    });
})();
