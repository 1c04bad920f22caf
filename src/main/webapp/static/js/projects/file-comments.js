// Comments on a project's file: "at 1:05" jumps the player there, and starting to write takes the
// moment the player is at, unless one was typed.
(function () {
    'use strict';

    var section = document.getElementById('comments');
    if (!section) {
        return;
    }

    function clock(seconds) {
        seconds = Math.max(0, Math.floor(seconds));
        var rest = seconds % 60;
        return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
    }

    section.addEventListener('click', function (event) {
        var target = event.target.closest && event.target.closest('[data-seek]');
        if (target && window.soundhubPlayer) {
            window.soundhubPlayer.seekTo(Number(target.getAttribute('data-seek')), true);
        }
    });

    var at = section.querySelector('[data-comment-at]');
    var body = section.querySelector('[data-file-comment-form] textarea');
    if (at && body) {
        var touched = at.value !== '';
        at.addEventListener('input', function () { touched = true; });
        body.addEventListener('focus', function () {
            var time = window.soundhubPlayer ? window.soundhubPlayer.time() : 0;
            if (!touched && time > 0) {
                at.value = clock(time);
            }
        });
    }
    var invalid = section.querySelector('[aria-invalid="true"]');
    if (invalid) {
        invalid.focus();
    }
})();
