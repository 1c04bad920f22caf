// The mixer (WEB-INF/views/projects/mixer.html): a revision's audio files played together with the
// Web Audio API. Each track streams from its HLS rendition into an <audio> element (hls.js where the
// browser has no HLS of its own), whose sound goes through a gain and a stereo panner into the
// mix. Gain, pan, mute and solo change the graph as they are moved; an offset delays the track's
// start in the mix. The transport plays, pauses, seeks and loops a region; Space plays and pauses,
// keys 1 to 9 mute track 1 to 9. Saving posts the settings to the API, which makes a revision
// changing only mix.soundhub.json (docs/PROJECTS-API.md, "Mix").
//
// The same settings give the same mix on the server (a bounce): gain in dB as 10^(dB/20), pan by
// the Web Audio StereoPanner's equal-power law, mute and solo as silence.
(function () {
    'use strict';

    // One track's part of the graph: source -> gain -> stereo panner -> destination. Live playback
    // and an offline render of the same settings use this one function.
    function connectTrack(context, source, destination) {
        var gain = context.createGain();
        var pan = context.createStereoPanner();
        source.connect(gain);
        gain.connect(pan);
        pan.connect(destination);
        return {gain: gain, pan: pan};
    }

    // Sets a track's nodes from its settings: gain in dB (silence when it is not heard), pan.
    function setTrack(nodes, gainDb, pan, heard) {
        nodes.gain.gain.value = heard ? Math.pow(10, gainDb / 20) : 0;
        nodes.pan.pan.value = Math.max(-1, Math.min(1, pan));
    }

    // Renders decoded tracks with their settings {gainDb, pan, mute, solo, offsetMs} offline, as
    // the mixer plays them: a promise of the mix as an AudioBuffer.
    function renderOffline(buffers, settings, sampleRate) {
        var soloed = settings.some(function (each) { return each.solo; });
        var length = Math.ceil(buffers.reduce(function (longest, buffer, i) {
            return Math.max(longest, settings[i].offsetMs / 1000 + buffer.duration);
        }, 0) * sampleRate);
        var context = new OfflineAudioContext(2, length, sampleRate);
        buffers.forEach(function (buffer, i) {
            var source = context.createBufferSource();
            source.buffer = buffer;
            var nodes = connectTrack(context, source, context.destination);
            setTrack(nodes, settings[i].gainDb, settings[i].pan, !settings[i].mute && (!soloed || settings[i].solo));
            source.start(settings[i].offsetMs / 1000);
        });
        return context.startRendering();
    }

    window.soundhub = window.soundhub || {};
    window.soundhub.mixerGraph = {renderOffline: renderOffline};

    var root = document.getElementById('mixer');
    if (!root) {
        return;
    }
    var projectId = root.getAttribute('data-project');
    var revision = Number(root.getAttribute('data-revision'));
    var playButton = root.querySelector('[data-mixer-play]');
    var timeText = root.querySelector('[data-mixer-time]');
    var lengthText = root.querySelector('[data-mixer-length]');
    var seekInput = root.querySelector('[data-mixer-seek]');
    var loopBox = root.querySelector('[data-mixer-loop]');
    var loopStart = root.querySelector('[data-mixer-loop-start]');
    var loopEnd = root.querySelector('[data-mixer-loop-end]');
    var errorBox = document.getElementById('mixer-error');
    var saveForm = root.querySelector('[data-mixer-save]');
    // A track further than this from where the mix is gets put back in place.
    var DRIFT_SECONDS = 0.08;

    var tracks = Array.prototype.map.call(root.querySelectorAll('.mixer-track'), function (row) {
        return {
            row: row,
            path: row.getAttribute('data-path'),
            playlist: row.getAttribute('data-playlist'),
            duration: Number(row.getAttribute('data-duration')) || 0,
            gainInput: row.querySelector('[data-gain]'),
            gainText: row.querySelector('[data-gain-value]'),
            panInput: row.querySelector('[data-pan]'),
            muteBox: row.querySelector('[data-mute]'),
            soloBox: row.querySelector('[data-solo]'),
            offsetInput: row.querySelector('[data-offset]'),
            audio: null,
            gain: null,
            pan: null,
            timer: null
        };
    });

    var context = null;
    var playing = false;
    var position = 0;   // seconds into the mix when paused, or when playback last started
    var startedAt = 0;  // the audio context's time when playback last started

    function offsetOf(track) {
        return Math.max(0, Number(track.offsetInput.value) || 0);
    }

    function mixLength() {
        return tracks.reduce(function (longest, track) {
            return Math.max(longest, offsetOf(track) + track.duration);
        }, 0);
    }

    function clock(seconds) {
        var whole = Math.max(0, Math.floor(seconds));
        var rest = whole % 60;
        return Math.floor(whole / 60) + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function now() {
        return playing && context ? position + (context.currentTime - startedAt) : position;
    }

    // The graph ---------------------------------------------------------------------------------

    function audible(track) {
        var soloed = tracks.some(function (each) { return each.soloBox.checked; });
        return !track.muteBox.checked && (!soloed || track.soloBox.checked);
    }

    function apply(track) {
        var db = Number(track.gainInput.value) || 0;
        track.gainText.textContent = (db > 0 ? '+' : '') + db + ' dB';
        track.row.classList.toggle('mixer-silent', !audible(track));
        if (track.gain) {
            setTrack(track, db, Number(track.panInput.value) || 0, audible(track));
        }
    }

    function applyAll() {
        tracks.forEach(apply);
        lengthText.textContent = clock(mixLength());
        seekInput.max = String(mixLength());
    }

    function loadHls() {
        if (window.Hls || !root.getAttribute('data-hls')) {
            return Promise.resolve();
        }
        return new Promise(function (resolve) {
            var script = document.createElement('script');
            script.src = root.getAttribute('data-hls');
            script.onload = resolve;
            script.onerror = resolve;
            document.head.appendChild(script);
        });
    }

    function attach(track) {
        var audio = document.createElement('audio');
        audio.preload = 'auto';
        if (window.Hls && window.Hls.isSupported()) {
            var hls = new window.Hls({enableWorker: false});
            hls.on(window.Hls.Events.ERROR, function (event, data) {
                if (data.fatal) {
                    showError(track.path + ' could not be played.');
                }
            });
            hls.loadSource(track.playlist);
            hls.attachMedia(audio);
        } else {
            audio.src = track.playlist;
        }
        var nodes = connectTrack(context, context.createMediaElementSource(audio), context.destination);
        track.gain = nodes.gain;
        track.pan = nodes.pan;
        track.audio = audio;
    }

    function setUp() {
        if (context) {
            return Promise.resolve();
        }
        var AudioContext = window.AudioContext || window.webkitAudioContext;
        context = new AudioContext();
        return loadHls().then(function () {
            tracks.filter(function (track) { return track.playlist; }).forEach(attach);
            applyAll();
        });
    }

    // The transport -----------------------------------------------------------------------------

    function startTrack(track, at) {
        clearTimeout(track.timer);
        if (!track.audio) {
            return;
        }
        var local = at - offsetOf(track);
        if (local >= track.duration) {
            track.audio.pause();
            return;
        }
        if (local < 0) {
            track.audio.pause();
            track.audio.currentTime = 0;
            track.timer = setTimeout(function () {
                if (playing) {
                    track.audio.play().catch(function () {});
                }
            }, -local * 1000);
            return;
        }
        track.audio.currentTime = local;
        track.audio.play().catch(function () {});
    }

    function play() {
        setUp().then(function () {
            return context.resume();
        }).then(function () {
            if (position >= mixLength()) {
                position = 0;
            }
            startedAt = context.currentTime;
            playing = true;
            tracks.forEach(function (track) { startTrack(track, position); });
            playButton.textContent = 'Pause';
            requestAnimationFrame(tick);
        });
    }

    function pause() {
        position = now();
        playing = false;
        tracks.forEach(function (track) {
            clearTimeout(track.timer);
            if (track.audio) {
                track.audio.pause();
            }
        });
        playButton.textContent = 'Play';
        show();
    }

    function seek(seconds) {
        var wasPlaying = playing;
        if (wasPlaying) {
            pause();
        }
        position = Math.max(0, Math.min(mixLength(), seconds));
        show();
        if (wasPlaying) {
            play();
        }
    }

    function show() {
        var at = now();
        timeText.textContent = clock(at);
        if (document.activeElement !== seekInput) {
            seekInput.value = String(at);
        }
    }

    function tick() {
        if (!playing) {
            return;
        }
        var at = now();
        var end = Number(loopEnd.value) || 0;
        if (loopBox.checked && end > (Number(loopStart.value) || 0) && at >= end) {
            seek(Number(loopStart.value) || 0);
            return;
        }
        if (at >= mixLength()) {
            pause();
            position = 0;
            show();
            return;
        }
        tracks.forEach(function (track) {
            var local = at - offsetOf(track);
            if (track.audio && !track.audio.paused && local < track.duration
                    && Math.abs(track.audio.currentTime - local) > DRIFT_SECONDS) {
                track.audio.currentTime = local;
            }
        });
        show();
        requestAnimationFrame(tick);
    }

    // Waveforms ---------------------------------------------------------------------------------

    function drawPeaks(track, peaks) {
        var canvas = track.row.querySelector('canvas');
        if (!canvas || !peaks.length) {
            return;
        }
        var g = canvas.getContext('2d');
        var loudest = Math.max.apply(null, peaks) || 1;
        var bars = Math.min(peaks.length, Math.floor(canvas.width / 3));
        g.clearRect(0, 0, canvas.width, canvas.height);
        g.fillStyle = getComputedStyle(canvas).color || '#888';
        for (var i = 0; i < bars; i++) {
            var peak = peaks[Math.floor(i * peaks.length / bars)] / loudest;
            var height = Math.max(1, peak * canvas.height);
            g.fillRect(i * 3, (canvas.height - height) / 2, 2, height);
        }
    }

    tracks.forEach(function (track) {
        var url = track.row.getAttribute('data-peaks-url');
        if (!url) {
            return;
        }
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (loaded) {
                if (loaded && loaded.peaks) {
                    drawPeaks(track, loaded.peaks);
                }
            })
            .catch(function () { /* the track plays without its waveform */ });
    });

    // Controls ----------------------------------------------------------------------------------

    function showError(message) {
        errorBox.textContent = message;
        errorBox.hidden = false;
    }

    tracks.forEach(function (track) {
        [track.gainInput, track.panInput, track.muteBox, track.soloBox].forEach(function (input) {
            input.addEventListener('input', applyAll);
            input.addEventListener('change', applyAll);
        });
        track.offsetInput.addEventListener('change', function () {
            applyAll();
            if (playing) {
                startTrack(track, now());
            }
        });
    });
    playButton.addEventListener('click', function () {
        if (playing) {
            pause();
        } else {
            play();
        }
    });
    seekInput.addEventListener('change', function () {
        seek(Number(seekInput.value) || 0);
    });
    document.addEventListener('keydown', function (event) {
        var target = event.target;
        var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
            && !(target.type === 'range' || target.type === 'checkbox');
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (event.key === ' ' && target.tagName !== 'BUTTON') {
            event.preventDefault();
            playButton.click();
        } else if (/^[1-9]$/.test(event.key) && tracks[Number(event.key) - 1]) {
            var box = tracks[Number(event.key) - 1].muteBox;
            box.checked = !box.checked;
            applyAll();
        }
    });

    if (saveForm) {
        saveForm.addEventListener('submit', function (event) {
            event.preventDefault();
            errorBox.hidden = true;
            var body = {
                base: revision,
                message: saveForm.querySelector('[data-mixer-message]').value.trim(),
                tracks: tracks.map(function (track) {
                    return {
                        path: track.path,
                        gainDb: Number(track.gainInput.value) || 0,
                        pan: Number(track.panInput.value) || 0,
                        mute: track.muteBox.checked,
                        solo: track.soloBox.checked,
                        offsetMs: Math.round(offsetOf(track) * 1000)
                    };
                })
            };
            var meta = document.querySelector('meta[name="csrf-token"]');
            fetch('/api/v1/projects/' + encodeURIComponent(projectId) + '/mix', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': meta ? meta.content : ''},
                body: JSON.stringify(body)
            }).then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (answer) {
                    if (response.status === 201) {
                        window.location.assign('/projects/' + encodeURIComponent(projectId) + '/revisions/' + answer.revision);
                        return;
                    }
                    var lines = (answer.files || []).map(function (file) { return file.path + ': ' + file.message; });
                    showError([answer.error || 'The mix could not be saved.'].concat(lines).join(' '));
                });
            }, function () {
                showError('The connection to SoundHub broke; the mix is not saved yet. Try again.');
            });
        });
    }

    // For tests and the curious: where the mix is and what each track's gain is now.
    window.soundhub.mixer = {
        state: function () {
            return {
                playing: playing,
                contextTime: context ? context.currentTime : 0,
                position: now(),
                gains: tracks.map(function (track) { return track.gain ? track.gain.gain.value : null; }),
                pans: tracks.map(function (track) { return track.pan ? track.pan.pan.value : null; }),
                // Tracks whose media is playing and has moved on: what can be heard now.
                sounding: tracks.filter(function (track) {
                    return track.audio && !track.audio.paused && track.audio.currentTime > 0;
                }).length
            };
        }
    };
    applyAll();
    show();
}());
