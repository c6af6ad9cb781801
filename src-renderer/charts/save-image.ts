// "Save as image" for a chart: its SVG as a standalone file (the page's CSS inlined as attributes,
// so it looks the same outside the app) or as a PNG drawn from that SVG. A chart whose dense
// layers are painted on a <canvas> under its SVG (the profile chart) has the canvas go with it:
// embedded as a PNG <image> in the SVG file, drawn first in the PNG. Everything stays on the
// machine: the image is made in the page and handed to the browser's (or Electron's) download.

/** The presentation properties our chart CSS sets; inlined so the file needs no stylesheet. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room below the chart for the caption line. */
const CAPTION_HEIGHT = 20;

/** What a saved image is made of. `underlay` is a canvas covering the SVG's viewBox, under it. */
export type ChartImage = { svg: SVGSVGElement; caption: string; underlay?: HTMLCanvasElement };

/** The chart as the text of a standalone SVG file, with a background, the underlay and a caption. */
export function standaloneSvg({ svg, caption, underlay }: ChartImage): string {
  const { copy, width, height } = styledCopy(svg, caption);
  const layers: SVGElement[] = [backgroundRect()];
  if (underlay) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', underlay.toDataURL('image/png'));
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(height));
    layers.push(image);
  }
  copy.prepend(...layers);
  return new XMLSerializer().serializeToString(copy);
}

/**
 * The chart as a PNG at `scale` times its size: the background, then the underlay, then the SVG
 * (without a background of its own, so the underlay shows through), all on one canvas.
 */
export async function chartPng({ svg, caption, underlay }: ChartImage, scale = 2): Promise<Blob> {
  const { copy, width, height } = styledCopy(svg, caption);
  const image = new Image();
  // Drawn from a data: URL, which the CSP allows.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + CAPTION_HEIGHT) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as a PNG.');
  context.scale(scale, scale);
  context.fillStyle = pageBackground();
  context.fillRect(0, 0, width, height + CAPTION_HEIGHT);
  if (underlay) context.drawImage(underlay, 0, 0, width, height);
  context.drawImage(image, 0, 0, width, height + CAPTION_HEIGHT);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
}

/** A copy of the chart with its computed styles as attributes and a caption line below it. */
function styledCopy(svg: SVGSVGElement, caption: string) {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((element, i) => {
    const style = getComputedStyle(element);
    const target = to[i]!;
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value !== '') target.setAttribute(property, value);
    }
    target.removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  const width = box.width || svg.clientWidth;
  const height = box.height || svg.clientHeight;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height + CAPTION_HEIGHT));
  copy.setAttribute('viewBox', `0 0 ${width} ${height + CAPTION_HEIGHT}`);
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', '4');
  text.setAttribute('y', String(height + 14));
  text.setAttribute('font-size', '11');
  text.setAttribute('font-family', 'sans-serif');
  text.setAttribute('fill', getComputedStyle(svg).color);
  text.textContent = caption;
  copy.appendChild(text);
  return { copy, width, height };
}

function backgroundRect(): SVGRectElement {
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', pageBackground());
  return rect;
}

function pageBackground(): string {
  return getComputedStyle(document.body).backgroundColor;
}

/** Hands a file to the browser's download (Electron asks where to save it). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
