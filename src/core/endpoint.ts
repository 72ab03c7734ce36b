// Endpoint per region. The setting `swas.endpoint` is a template: empty → the public endpoint
// `https://swas.{regionId}.aliyuncs.com`; otherwise `{regionId}` is substituted when present
// (`http://127.0.0.1:8790` for the emulator has no placeholder: one endpoint for every region).
import { CLIENT_CODES, SwasError } from './errors';

export const DEFAULT_ENDPOINT_TEMPLATE = 'https://swas.{regionId}.aliyuncs.com';
/** Region whose endpoint answers region-less calls (ListRegions); any region would do. */
export const HOME_REGION = 'cn-hangzhou';

const REGION_RE = /^[a-z]{2}(-[a-z0-9]+)+$/;

export function isRegionId(regionId: string): boolean {
  return REGION_RE.test(regionId);
}

/** The endpoint URL (no trailing slash) for a region; throws `Config.InvalidEndpoint`. */
export function endpointFor(template: string, regionId: string): string {
  const t = template.trim() || DEFAULT_ENDPOINT_TEMPLATE;
  if (t.includes('{regionId}') && !isRegionId(regionId)) {
    throw invalid(`not a region id: ${JSON.stringify(regionId.slice(0, 40))}`);
  }
  const url = t.split('{regionId}').join(regionId).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('the endpoint is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid('the endpoint must start with http:// or https://');
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw invalid('http:// is allowed only to a loopback address (127.0.0.0/8, [::1], localhost); use https://');
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash || (parsed.pathname && parsed.pathname !== '/')) {
    throw invalid('the endpoint must be scheme://host[:port] only');
  }
  return `${parsed.protocol}//${parsed.host}`;
}

function invalid(message: string): SwasError {
  return new SwasError({ code: CLIENT_CODES.invalidEndpoint, message, retryable: false });
}

/** 127.0.0.0/8, [::1] and localhost (WHATWG URL has already normalized the host). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The service's own hosts: every regional endpoint (China and international) is `swas.<region>.aliyuncs.com`. */
export function isOfficialHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h.endsWith('.aliyuncs.com') && /^[a-z0-9.-]+$/.test(h);
}

/**
 * The host a template sends signed requests to (`{regionId}` kept as written) when it is neither
 * the service's own nor loopback, so the user must confirm it once; undefined when it needs no
 * confirmation (empty template, an official host, loopback). An invalid template throws
 * `Config.InvalidEndpoint` like `endpointFor`.
 */
export function hostNeedingConfirmation(template: string): string | undefined {
  const t = template.trim();
  if (t === '') return undefined;
  const sample = new URL(endpointFor(t, HOME_REGION));
  if (isLoopbackHost(sample.hostname) || isOfficialHost(sample.hostname)) return undefined;
  return t.includes('{regionId}') ? sample.host.split(HOME_REGION).join('{regionId}') : sample.host;
}
