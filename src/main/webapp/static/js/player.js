// A page's player (a recording, a generated piece, the embed): a play button, and a waveform drawn
// from the stored peaks that shows the play position and seeks on click or with the arrow keys; on a
// generated piece also the playhead over the piano roll. On the site's pages the sound comes from the
// player bar (playerbar.js), which keeps playing when the visitor moves on; the embed, which has no
// bar, plays with an <audio> of its own (HLS through hls.js or the browser's own HLS).
(function () {
    'use strict';

    // Every player of the page that is not set up yet: a page may hold several (a project's audio
    // files), and include this script once for each, so it sets up each player once.
    var players = document.querySelectorAll('[data-player]:not([data-player-ready])');
    Array.prototype.forEach.call(players, function (player, index) {
        setUp(player, index === 0 && players.length === 1);
    });

    function setUp(player, first) {
        var canvas = player.querySelector('[data-waveform]');
        var playButton = player.querySelector('[data-play]');
        var current = player.querySelector('[data-current]');
        var error = player.querySelector('[data-player-error]');
        var duration = Number(player.dataset.duration) || 0;
        var peaks = (player.dataset.peaks || '').split(',').filter(Boolean).map(Number);
        player.setAttribute('data-player-ready', '');
        var roll = document.querySelector('[data-piano-roll]');
        var playhead = roll ? roll.querySelector('[data-playhead]') : null;
        var rollSeconds = roll ? (Number(roll.dataset.seconds) || duration) : 0;
        var bar = window.soundhub && window.soundhub.bar;
        var source = bar ? barSource() : ownSource();

        // This page's track, played by the player bar.
        function barSource() {
            bar.prepare();
            var track = {
                playlist: player.dataset.playlist,
                title: player.dataset.title || document.title,
                artist: player.dataset.artist || '',
                url: window.location.pathname + window.location.search,
                duration: duration
            };
            return {
                audio: bar.audio,
                events: [bar.audio, bar.element],
                mine: function () { return bar.isCurrent(track.playlist); },
                playing: function () { return bar.isPlaying(track.playlist); },
                time: function () { return bar.time(track.playlist); },
                toggle: function () { bar.toggle(bar.isCurrent(track.playlist) ? null : track); },
                seek: function (seconds, andPlay) { bar.seek(track, seconds, andPlay); }
            };
        }

        // The embed's own audio element.
        function ownSource() {
            var audio = player.querySelector('[data-audio]');
            var loaded = false;

            function load() {
                if (loaded) {
                    return;
                }
                loaded = true;
                if (window.Hls && window.Hls.isSupported()) {
                    var hls = new window.Hls({enableWorker: false});
                    hls.on(window.Hls.Events.ERROR, function (event, data) {
                        if (data.fatal) {
                            error.hidden = false;
                        }
                    });
                    hls.loadSource(player.dataset.playlist);
                    hls.attachMedia(audio);
                } else if (audio.canPlayType('application/vnd.apple.mpegurl')) {
                    audio.src = player.dataset.playlist;
                } else {
                    error.hidden = false;
                }
            }

            function play() {
                load();
                audio.play().catch(function () { error.hidden = false; });
            }

            return {
                audio: audio,
                events: [audio],
                mine: function () { return true; },
                playing: function () { return !audio.paused; },
                time: function () { return audio.currentTime; },
                toggle: function () {
                    if (audio.paused) {
                        play();
                    } else {
                        audio.pause();
                    }
                },
                seek: function (seconds, andPlay) {
                    load();
                    audio.currentTime = Math.max(0, Math.min(duration, seconds));
                    if (andPlay && audio.paused) {
                        play();
                    }
                }
            };
        }

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

        function here() {
            return document.contains(player);
        }

        function draw() {
            var ratio = window.devicePixelRatio || 1;
            var width = canvas.clientWidth;
            var height = canvas.clientHeight;
            var now = source.time();
            if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
                canvas.width = Math.round(width * ratio);
                canvas.height = Math.round(height * ratio);
            }
            if (playhead && rollSeconds > 0) {
                playhead.style.left = Math.min(100, (now / rollSeconds) * 100) + '%';
            }
            var context = canvas.getContext('2d');
            context.setTransform(ratio, 0, 0, ratio, 0, 0);
            context.clearRect(0, 0, width, height);
            if (!peaks.length) {
                return;
            }
            var loudest = Math.max.apply(null, peaks) || 1;
            var played = duration ? (now / duration) : 0;
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

        function showState() {
            var playing = source.playing();
            playButton.toggleAttribute('data-playing', playing);
            playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
            current.textContent = clock(source.time());
            canvas.setAttribute('aria-valuenow', String(Math.floor(source.time())));
            draw();
        }

        // Listens to the bar while this page is shown; once another page has taken its place, stops.
        function follow(type, handler) {
            source.events.forEach(function (target) {
                target.addEventListener(type, function listener(event) {
                    if (!here()) {
                        target.removeEventListener(type, listener);
                        return;
                    }
                    handler(event);
                });
            });
        }

        function seekTo(seconds, andPlay) {
            source.seek(Math.max(0, Math.min(duration, seconds)), andPlay);
            showState();
        }

        playButton.addEventListener('click', function () {
            error.hidden = true;
            source.toggle();
        });
        ['play', 'pause', 'ended', 'soundhub:track'].forEach(function (type) { follow(type, showState); });
        follow('soundhub:player-error', function () {
            if (source.mine()) {
                error.hidden = false;
            }
        });
        follow('timeupdate', function () {
            if (source.mine()) {
                current.textContent = clock(source.time());
                canvas.setAttribute('aria-valuenow', String(Math.floor(source.time())));
            }
        });
        canvas.addEventListener('click', function (event) {
            var box = canvas.getBoundingClientRect();
            seekTo(((event.clientX - box.left) / box.width) * duration, true);
        });
        canvas.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowRight') {
                seekTo(source.time() + 5, false);
                event.preventDefault();
            } else if (event.key === 'ArrowLeft') {
                seekTo(source.time() - 5, false);
                event.preventDefault();
            } else if (event.key === ' ' || event.key === 'Enter') {
                source.toggle();
                event.preventDefault();
            }
        });
        if (roll && rollSeconds > 0) {
            roll.addEventListener('click', function (event) {
                var box = roll.getBoundingClientRect();
                seekTo(((event.clientX - box.left) / box.width) * rollSeconds, true);
            });
        }

        (function animate() {
            if (!here()) {
                return;
            }
            if (source.playing()) {
                draw();
            }
            window.requestAnimationFrame(animate);
        })();
        window.addEventListener('resize', function resized() {
            if (!here()) {
                window.removeEventListener('resize', resized);
                return;
            }
            draw();
        });
        showState();
        // Peaks not in the page come from their own address (a project's files, many to a page).
        if (!peaks.length && player.dataset.peaksUrl) {
            fetch(player.dataset.peaksUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (loaded) {
                    if (loaded && loaded.peaks) {
                        peaks = loaded.peaks;
                        duration = duration || (loaded.durationMs / 1000);
                        draw();
                    }
                })
                .catch(function () { /* The player plays without its waveform. */ });
        }
        if (!first) {
            return;
        }
        // For the page's other scripts (comments.js): seek this track, and where it is.
        window.soundhubPlayer = {
            audio: source.audio,
            seekTo: seekTo,
            time: source.time
        };
    }
})();
