// The player bar: one <audio> for the whole visit, outside the part of the page that changes when
// a link is followed (see soundhub.js), so a track keeps playing from page to page. Pages' players
// (player.js) hand it their track and follow it. What plays is remembered for the tab, so a page
// loaded in full (after a form is sent) shows the bar again where it was.
(function () {
    'use strict';

    var bar = document.getElementById('player-bar');
    if (!bar) {
        return;
    }
    var audio = bar.querySelector('[data-audio]');
    var playButton = bar.querySelector('[data-bar-play]');
    var title = bar.querySelector('[data-bar-title]');
    var artist = bar.querySelector('[data-bar-artist]');
    var seekBar = bar.querySelector('[data-bar-seek]');
    var currentText = bar.querySelector('[data-bar-current]');
    var durationText = bar.querySelector('[data-bar-duration]');
    var error = bar.querySelector('[data-bar-error]');
    var closeButton = bar.querySelector('[data-bar-close]');
    var KEY = 'soundhub-player';

    var track = null;      // {playlist, title, artist, url, duration}
    var attached = false;  // the track's playlist is loading or loaded into the audio element
    var startAt = 0;       // where to start when the track is attached
    var hls = null;
    var waiting = [];      // what to do once attached (hls.js may still be loading)

    function clock(seconds) {
        seconds = Math.max(0, Math.floor(seconds || 0));
        var rest = seconds % 60;
        return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function duration() {
        return (track && track.duration) || (isFinite(audio.duration) ? audio.duration : 0);
    }

    function remember() {
        try {
            if (track) {
                sessionStorage.setItem(KEY, JSON.stringify({
                    track: track,
                    time: attached ? audio.currentTime : startAt,
                    playing: attached && !audio.paused
                }));
            } else {
                sessionStorage.removeItem(KEY);
            }
        } catch (e) {
            // Private browsing without storage: the bar just starts empty on a full load.
        }
    }

    function showTime() {
        var now = attached ? audio.currentTime : startAt;
        currentText.textContent = clock(now);
        seekBar.value = String(Math.floor(now));
        seekBar.setAttribute('aria-valuetext', clock(now) + ' of ' + clock(duration()));
    }

    function showTrack() {
        bar.hidden = !track;
        document.body.classList.toggle('has-player', !!track);
        if (!track) {
            return;
        }
        title.textContent = track.title || 'Untitled';
        title.setAttribute('href', track.url || '/');
        if (window.htmx) {
            // htmx follows the link's new address (it loads pages in place, see soundhub.js).
            window.htmx.process(title);
        }
        artist.textContent = track.artist ? 'by ' + track.artist : '';
        seekBar.max = String(Math.max(1, Math.floor(duration())));
        durationText.textContent = clock(duration());
        error.hidden = true;
        showTime();
    }

    function showPlaying() {
        var playing = attached && !audio.paused;
        playButton.toggleAttribute('data-playing', playing);
        playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    }

    function fail() {
        error.hidden = false;
        bar.dispatchEvent(new CustomEvent('soundhub:player-error'));
    }

    function detach() {
        if (hls) {
            hls.destroy();
            hls = null;
        }
        audio.pause();
        audio.removeAttribute('src');
        audio.load();
        attached = false;
        waiting = [];
    }

    // hls.js comes with the first track: most pages never need it.
    var hlsScript = null;

    function withHls(then) {
        if (window.Hls) {
            then();
            return;
        }
        if (!hlsScript) {
            hlsScript = document.createElement('script');
            hlsScript.src = bar.getAttribute('data-hls');
            hlsScript.addEventListener('error', fail);
            document.head.appendChild(hlsScript);
        }
        hlsScript.addEventListener('load', function () { then(); });
    }

    function attach(then) {
        if (then) {
            waiting.push(then);
        }
        if (attached) {
            return;
        }
        attached = true;
        var wanted = track;
        withHls(function () {
            if (track !== wanted || !attached) {
                return;
            }
            if (window.Hls && window.Hls.isSupported()) {
                hls = new window.Hls({enableWorker: false, startPosition: startAt > 0 ? startAt : -1});
                hls.on(window.Hls.Events.ERROR, function (event, data) {
                    if (data.fatal) {
                        fail();
                    }
                });
                hls.loadSource(track.playlist);
                hls.attachMedia(audio);
            } else if (audio.canPlayType('application/vnd.apple.mpegurl')) {
                audio.src = track.playlist;
                if (startAt > 0) {
                    audio.currentTime = startAt;
                }
            } else {
                fail();
                return;
            }
            var todo = waiting;
            waiting = [];
            todo.forEach(function (task) { task(); });
        });
    }

    function play() {
        attach(function () {
            audio.play().catch(function (problem) {
                // Paused again before it started, or the browser wants a press first: not a failure.
                if (problem && problem.name !== 'AbortError' && problem.name !== 'NotAllowedError') {
                    fail();
                }
            });
        });
    }

    // Makes the track the bar's (if it is not yet), starting at `at` seconds.
    function take(newTrack, at) {
        if (track && newTrack && track.playlist === newTrack.playlist) {
            return false;
        }
        detach();
        track = newTrack;
        startAt = at || 0;
        showTrack();
        showPlaying();
        bar.dispatchEvent(new CustomEvent('soundhub:track'));
        remember();
        return true;
    }

    function isCurrent(playlist) {
        return !!track && track.playlist === playlist;
    }

    function toggle(newTrack) {
        if (newTrack) {
            take(newTrack, 0);
        }
        if (!track) {
            return;
        }
        if (attached && !audio.paused) {
            audio.pause();
        } else {
            play();
        }
    }

    function seek(newTrack, seconds, andPlay) {
        seconds = Math.max(0, seconds);
        if (newTrack && take(newTrack, seconds)) {
            play();
            return;
        }
        if (!track) {
            return;
        }
        if (attached) {
            audio.currentTime = seconds;
        } else {
            startAt = seconds;
        }
        showTime();
        if (andPlay && (!attached || audio.paused)) {
            play();
        }
    }

    function close() {
        detach();
        track = null;
        startAt = 0;
        showTrack();
        showPlaying();
        bar.dispatchEvent(new CustomEvent('soundhub:track'));
        remember();
    }

    playButton.addEventListener('click', function () { toggle(); });
    closeButton.addEventListener('click', close);
    seekBar.addEventListener('input', function () { seek(null, Number(seekBar.value), false); });
    audio.addEventListener('play', showPlaying);
    audio.addEventListener('pause', showPlaying);
    audio.addEventListener('ended', showPlaying);
    audio.addEventListener('durationchange', function () {
        if (track && !track.duration && isFinite(audio.duration)) {
            showTrack();
        }
    });
    var remembered = 0;
    audio.addEventListener('timeupdate', function () {
        showTime();
        if (Date.now() - remembered > 2000) {
            remembered = Date.now();
            remember();
        }
    });
    window.addEventListener('pagehide', remember);

    window.soundhub = window.soundhub || {};
    window.soundhub.bar = {
        element: bar,
        audio: audio,
        isCurrent: isCurrent,
        isPlaying: function (playlist) { return isCurrent(playlist) && attached && !audio.paused; },
        time: function (playlist) { return isCurrent(playlist) ? (attached ? audio.currentTime : startAt) : 0; },
        toggle: toggle,
        seek: seek,
        // A page with a player fetches hls.js ahead, so that a press on play starts at once.
        prepare: function () { withHls(function () {}); }
    };

    // A page loaded in full: the bar comes back with what played, and goes on if it was playing
    // (unless the browser wants a press first).
    try {
        var saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
        if (saved && saved.track && saved.track.playlist) {
            take(saved.track, Number(saved.time) || 0);
            if (saved.playing) {
                play();
            }
        }
    } catch (e) {
        // Nothing remembered.
    }
})();
