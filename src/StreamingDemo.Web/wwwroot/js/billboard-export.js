// Turns a server-drawn SVG (data billboard or year in review) into a PNG download: the SVG is fetched, drawn onto a
// canvas at its own size and saved. A module file, because the site's CSP forbids inline script.
export async function downloadPng(svgUrl, width, height, fileName) {
    const response = await fetch(svgUrl, { cache: 'no-store' });
    if (!response.ok) {
        throw new Error(`The image could not be fetched (${response.status})`);
    }

    const svg = await response.text();
    const image = new Image(width, height);
    const loaded = new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = () => reject(new Error('The SVG could not be drawn'));
    });
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    await loaded;

    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').drawImage(image, 0, 0, width, height);

    const link = document.createElement('a');
    link.download = fileName;
    link.href = canvas.toDataURL('image/png');
    document.body.appendChild(link);
    link.click();
    link.remove();
}
