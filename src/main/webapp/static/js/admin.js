// The moderation queue from the keyboard: J and K move between items, D dismisses the item in
// focus, H and W go to its hide reason and warning. The first item has the focus when the page
// opens, so that handling one item after another is a matter of keys.
(function () {
    'use strict';

    var queue = document.querySelector('[data-queue]');
    if (!queue) {
        return;
    }
    var items = Array.prototype.slice.call(queue.querySelectorAll('.queue-item'));
    if (items.length) {
        items[0].focus();
    }

    function current() {
        return document.activeElement && document.activeElement.closest ? document.activeElement.closest('.queue-item') : null;
    }

    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
            return;
        }
        var item = current() || items[0];
        if (!item) {
            return;
        }
        var index = items.indexOf(item);
        var key = event.key.toLowerCase();
        if (key === 'j' && index < items.length - 1) {
            items[index + 1].focus();
        } else if (key === 'k' && index > 0) {
            items[index - 1].focus();
        } else if (key === 'd') {
            item.querySelector('[data-dismiss]').requestSubmit();
        } else if (key === 'h' && item.querySelector('[data-hide] input[name=reason]')) {
            item.querySelector('[data-hide] input[name=reason]').focus();
        } else if (key === 'w') {
            item.querySelector('[data-warn] input[name=message]').focus();
        } else {
            return;
        }
        event.preventDefault();
    });
})();
