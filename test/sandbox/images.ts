/**
 * Product pictures the sandbox can serve itself, so the demo site shows pictures on a machine with
 * no internet: simple SVG scenes, one per seed image name. Opt-in (`startSandbox({ serveImages })`):
 * without it, products keep their canonical `https://images.resmark-sandbox.test/…` URLs.
 */

/** The seed's image host; {@link localImages} rewrites it to the sandbox's own origin. */
export const SEED_IMAGE_HOST = 'https://images.resmark-sandbox.test/';

const SCENES: Record<string, { sky: [string, string]; land: string; water: string; sun?: string }> =
  {
    'canyon-kayak-walls': { sky: ['#f7c98b', '#e07a3f'], land: '#a4472a', water: '#2f7f9e' },
    'canyon-kayak-beach': { sky: ['#9fd3f0', '#e9c48f'], land: '#c8693b', water: '#3a8fb0' },
    'sunset-paddle': {
      sky: ['#fbd27a', '#d9534f'],
      land: '#5b2a3c',
      water: '#7a4b7f',
      sun: '#ffe7a3',
    },
    'kayak-day-pass': { sky: ['#bfe6f7', '#f4e3b5'], land: '#d9a35b', water: '#2e86ab' },
    'harbor-bikes': { sky: ['#cfe8f3', '#8fc1d9'], land: '#5d6b73', water: '#2b5d7d' },
    'glacier-heli': { sky: ['#d8eefa', '#9cc7e4'], land: '#f4f8fb', water: '#6fa8c9' },
  };

/** An SVG picture for `file` (`<seed name>-400.svg` or `-1600.svg`), or `undefined`. */
export function sandboxImage(file: string): string | undefined {
  const match = /^([a-z-]+)-(?:400|1600)\.svg$/.exec(file);
  const scene = match ? SCENES[match[1]!] : undefined;
  if (!scene) return undefined;
  const sun = scene.sun ? `<circle cx="300" cy="120" r="34" fill="${scene.sun}"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 250" role="img">` +
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/>` +
    `<stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>` +
    `<rect width="400" height="250" fill="url(#s)"/>${sun}` +
    `<path d="M0 250V70l60 30 40-50 50 60 40-20 30 70H0z" fill="${scene.land}"/>` +
    `<path d="M400 250V90l-50 20-40-40-40 70-30 20 20 90z" fill="${scene.land}" opacity=".85"/>` +
    `<path d="M0 200q100-18 200 0t200 0v50H0z" fill="${scene.water}"/>` +
    `<path d="M150 205q50-12 100 0l-10 6h-80z" fill="#f2c230"/></svg>`
  );
}

/** A product's `images` with the seed host replaced by `origin`'s image route. */
export function localImages<T extends { small: string; large?: string }>(
  images: readonly T[],
  origin: string,
): T[] {
  const local = (url: string) =>
    url.startsWith(SEED_IMAGE_HOST)
      ? `${origin}/__sandbox/images/${url.slice(SEED_IMAGE_HOST.length).replace(/\.jpg$/, '.svg')}`
      : url;
  return images.map((image) => ({
    ...image,
    small: local(image.small),
    ...(image.large === undefined ? {} : { large: local(image.large) }),
  }));
}
