import { encodeQR } from '@paulmillr/qr';

/** The blank border a reader needs around the code, in modules (ISO/IEC 18004 asks for four). */
const QUIET_ZONE = 4;

/**
 * A QR code drawn in the browser as SVG from the text it holds, so the secret never leaves
 * the page: no image service, no data URL, nothing for the CSP to allow. One path for all
 * dark modules keeps the DOM small. This file is reached only through the enrolment screen's
 * chunk, so the encoder is fetched only by someone setting up a second factor.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  // 'medium' error correction: an otpauth URI fits a small code, and a phone held at an angle
  // to a screen still reads it.
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 0 });
  const size = modules.length + 2 * QUIET_ZONE;
  let path = '';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    });
  });
  return (
    <svg className="qr-code" data-testid={testId} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`}
      width={size * 6} height={size * 6} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
