// The recording page's player: HLS through hls.js (or the browser's own HLS), and a waveform drawn
// from the stored peaks that shows the play position and seeks on click or with the arrow keys.
(function () {
    'use strict';

    var player = document.querySelector('[data-player]');
    if (!player) {
        return;
    }
    var audio = player.querySelector('[data-audio]');
    var canvas = player.querySelector('[data-waveform]');
    var playButton = player.querySelector('[data-play]');
    var current = player.querySelector('[data-current]');
    var error = player.querySelector('[data-player-error]');
    var duration = Number(player.dataset.duration) || 0;
    var peaks = (player.dataset.peaks || '').split(',').filter(Boolean).map(Number);
    var loaded = false;
    var hls = null;

    function clock(seconds) {
        seconds = Math.max(0, Math.floor(seconds));
        var minutes = Math.floor(seconds / 60);
        var rest = seconds % 60;
        return minutes + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function colour(name, fallback) {
        var value = getComputedStyle(player).getPropertyValue(name).trim();
        return value || fallback;
    }

    function draw() {
        var ratio = window.devicePixelRatio || 1;
        var width = canvas.clientWidth;
        var height = canvas.clientHeight;
        if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
            canvas.width = Math.round(width * ratio);
            canvas.height = Math.round(height * ratio);
        }
        var context = canvas.getContext('2d');
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        context.clearRect(0, 0, width, height);
        if (!peaks.length) {
            return;
        }
        var loudest = Math.max.apply(null, peaks) || 1;
        var played = duration ? (audio.currentTime / duration) : 0;
        var bars = Math.min(peaks.length, Math.floor(width / 3));
        var barWidth = width / bars;
        for (var i = 0; i < bars; i++) {
            var from = Math.floor(i * peaks.length / bars);
            var to = Math.max(from + 1, Math.floor((i + 1) * peaks.length / bars));
            var peak = 0;
            for (var j = from; j < to; j++) {
                peak = Math.max(peak, peaks[j]);
            }
            var barHeight = Math.max(2, (peak / loudest) * (height - 4));
            context.fillStyle = (i / bars) < played ? colour('--sh-played', '#e0480f') : colour('--sh-unplayed', '#9aa3ad');
            context.fillRect(i * barWidth, (height - barHeight) / 2, Math.max(1, barWidth - 1), barHeight);
        }
    }

    function load() {
        if (loaded) {
            return;
        }
        loaded = true;
        var source = player.dataset.playlist;
        if (window.Hls && window.Hls.isSupported()) {
            hls = new window.Hls({enableWorker: false});
            hls.on(window.Hls.Events.ERROR, function (event, data) {
                if (data.fatal) {
                    error.hidden = false;
                }
            });
            hls.loadSource(source);
            hls.attachMedia(audio);
        } else if (audio.canPlayType('application/vnd.apple.mpegurl')) {
            audio.src = source;
        } else {
            error.hidden = false;
        }
    }

    function toggle() {
        load();
        if (audio.paused) {
            audio.play().catch(function () { error.hidden = false; });
        } else {
            audio.pause();
        }
    }

    function seekTo(seconds) {
        load();
        audio.currentTime = Math.max(0, Math.min(duration, seconds));
        draw();
    }

    playButton.addEventListener('click', toggle);
    audio.addEventListener('play', function () {
        playButton.innerHTML = '&#10074;&#10074;';
        playButton.setAttribute('aria-label', 'Pause');
    });
    audio.addEventListener('pause', function () {
        playButton.innerHTML = '&#9654;';
        playButton.setAttribute('aria-label', 'Play');
    });
    audio.addEventListener('timeupdate', function () {
        current.textContent = clock(audio.currentTime);
        canvas.setAttribute('aria-valuenow', String(Math.floor(audio.currentTime)));
    });
    canvas.addEventListener('click', function (event) {
        var box = canvas.getBoundingClientRect();
        seekTo(((event.clientX - box.left) / box.width) * duration);
        if (audio.paused) {
            toggle();
        }
    });
    canvas.addEventListener('keydown', function (event) {
        if (event.key === 'ArrowRight') {
            seekTo(audio.currentTime + 5);
            event.preventDefault();
        } else if (event.key === 'ArrowLeft') {
            seekTo(audio.currentTime - 5);
            event.preventDefault();
        } else if (event.key === ' ' || event.key === 'Enter') {
            toggle();
            event.preventDefault();
        }
    });

    (function animate() {
        if (!audio.paused) {
            draw();
        }
        window.requestAnimationFrame(animate);
    })();
    window.addEventListener('resize', draw);
    draw();
    window.soundhubPlayer = {audio: audio, seekTo: seekTo, load: load};
})();
