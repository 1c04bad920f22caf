// Before the page shows: is someone signed in? Public pages are the same for everyone, so members'
// controls are shown and visitors' links hidden by this class, until the viewer's part arrives.
if (/(?:^|; )soundhub_member=/.test(document.cookie)) {
    document.documentElement.classList.add('member');
}
