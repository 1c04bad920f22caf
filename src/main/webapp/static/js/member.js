// Before the page shows: is someone signed in? Public pages are the same for everyone, so members'
// controls are shown and visitors' links hidden by this class, until the viewer's part arrives.
// html.js says scripts run, so the header may fold its links into a menu on narrow screens.
document.documentElement.classList.add('js');
if (/(?:^|; )soundhub_member=/.test(document.cookie)) {
    document.documentElement.classList.add('member');
}
