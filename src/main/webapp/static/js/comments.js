// Comments on the recording page: markers on the waveform at each comment's moment (click one to
// jump there), "at" filled from the player when writing, replies, and the share box's copy buttons.
// The page may be swapped for another without a full load, so listeners go on the page's own
// elements, never on the document.
(function () {
    'use strict';

    var player = document.querySelector('[data-player]');
    var form = document.getElementById('comment-form');
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

    if (form) {
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
        comments.addEventListener('click', function (event) {
            var reply = event.target.closest && event.target.closest('[data-reply]');
            if (reply) {
                replyTo.value = reply.getAttribute('data-reply');
                replying.querySelector('[data-replying-to]').textContent = reply.getAttribute('data-reply-name');
                replying.hidden = false;
                body.focus();
            }
        });
        form.querySelector('[data-cancel-reply]').addEventListener('click', function () {
            replyTo.value = '';
            replying.hidden = true;
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
