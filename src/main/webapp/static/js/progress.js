// Pages of long work (an upload, a generated piece): follow it live (Server-Sent Events, fed from
// whichever server does the work), with a polling fallback. data-reload: reload the page when the
// work is done, to show its result.
(function () {
    'use strict';

    var box = document.querySelector('[data-progress-status]');
    if (!box) {
        return;
    }
    var badge = box.querySelector('[data-state-badge]');
    var percentText = box.querySelector('[data-percent-text]');
    var bar = box.querySelector('[data-progress]');
    var reason = box.querySelector('[data-reason]');
    var ready = box.querySelector('[data-ready]');
    var history = box.querySelector('[data-history]');

    function show(status) {
        if (!document.contains(box)) {
            // Another page took this one's place (links change pages in place): stop following.
            if (events) {
                events.close();
            }
            return;
        }
        if (status.label) {
            badge.textContent = status.label;
            badge.className = 'badge badge-' + status.state.toLowerCase();
        }
        var percent = typeof status.percent === 'number' ? status.percent : 0;
        bar.value = status.state === 'READY' ? 100 : percent;
        percentText.textContent = status.state === 'TRANSCODING' ? percent + '%' : '';
        if (status.state === 'PROBING' || status.state === 'UPLOADED') {
            bar.removeAttribute('value');
        }
        if (status.reason !== undefined && reason) {
            reason.textContent = status.reason || '';
            reason.hidden = !status.reason;
        }
        if (status.label && status.state !== 'TRANSCODING' && history) {
            var last = history.lastElementChild;
            if (!last || last.dataset.state !== status.state) {
                var item = document.createElement('li');
                item.dataset.state = status.state;
                item.textContent = 'just now — ' + status.label;
                history.appendChild(item);
            }
        }
        if (status.finished) {
            bar.hidden = true;
            if (ready) {
                ready.hidden = status.state !== 'READY';
            }
            if (box.hasAttribute('data-reload')) {
                // The page anew, with its result; the player bar plays on.
                if (window.soundhub && window.soundhub.reload) {
                    window.soundhub.reload();
                } else {
                    window.location.reload();
                }
            }
        }
    }

    function poll() {
        if (!document.contains(box)) {
            return;
        }
        fetch(box.dataset.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.json(); })
            .then(function (status) {
                show(status);
                if (!status.finished) {
                    window.setTimeout(poll, 2000);
                }
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    var events = null;
    if (!window.EventSource) {
        poll();
        return;
    }
    events = new EventSource(box.dataset.events);
    events.addEventListener('status', function (event) {
        var status = JSON.parse(event.data);
        show(status);
        if (status.finished) {
            events.close();
        }
    });
})();
