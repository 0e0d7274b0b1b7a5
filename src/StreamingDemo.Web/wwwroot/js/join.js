// Full-screen view of the join code for the presenter's projector.
export function showFullScreen(element) {
    if (element && element.requestFullscreen) {
        return element.requestFullscreen();
    }
    return Promise.resolve();
}
