// Message content: a string, or a list of parts ({type: "text"} and {type: "image_url"}).
// Returns the text tokens and the number of images; image tokens depend on size and detail and
// are left out of every count (reports say so).
import { isPlainObject, preview, typeName, type ExampleContext } from '../context.js';
import { checkText } from './text.js';

export interface ContentFigures {
  tokens: number;
  images: number;
  /** True when there is at least one non-empty text or an image. */
  hasContent: boolean;
}

const DATA_URL = /^data:([^;,]*)(;base64)?,/i;
const SUPPORTED_DATA_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/webp']);
const UNSUPPORTED_EXTENSION = /\.(gif|bmp|tiff?|svg|heic|heif|avif|ico)(?:[?#]|$)/i;

function checkImageUrl(ctx: ExampleContext, url: unknown, path: string): void {
  if (typeof url !== 'string' || url.length === 0) {
    ctx.report('invalid_image_url', path, `The image "url" is ${typeName(url)}, not a URL string.`);
    return;
  }
  const data = DATA_URL.exec(url);
  if (data) {
    const mediaType = (data[1] ?? '').toLowerCase();
    if (!data[2]) ctx.report('invalid_image_url', path, 'The data URL is not base64 (expected data:image/...;base64,...).');
    else if (!SUPPORTED_DATA_TYPES.has(mediaType)) {
      ctx.report('unsupported_image_type', path, `The image type is ${preview(mediaType || '(none)')}; use JPEG, PNG or WEBP.`);
    }
    return;
  }
  if (!/^https?:\/\/[^\s/]+/i.test(url)) {
    ctx.report('invalid_image_url', path, `${preview(url)} is neither an http(s) URL nor a data URL.`);
    return;
  }
  const ext = UNSUPPORTED_EXTENSION.exec(url);
  if (ext) ctx.report('unsupported_image_type', path, `The image looks like a .${ext[1]?.toLowerCase()} file; use JPEG, PNG or WEBP.`);
}

export function checkContent(ctx: ExampleContext, content: unknown, path: string, role: string, cache: boolean): ContentFigures {
  if (typeof content === 'string') {
    checkText(ctx, content, path);
    return { tokens: cache ? ctx.tokens.countCached(content) : ctx.tokens.count(content), images: 0, hasContent: content.length > 0 };
  }
  if (!Array.isArray(content)) return { tokens: 0, images: 0, hasContent: false };

  let tokens = 0;
  let images = 0;
  let hasContent = false;
  content.forEach((part, i) => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(part)) {
      ctx.report('invalid_content_part', at, `Content part ${i} is ${typeName(part)}, not an object.`);
      return;
    }
    if (part.type === 'text') {
      if (typeof part.text !== 'string') {
        ctx.report('invalid_content_part', `${at}.text`, `Text part ${i} has no "text" string.`);
        return;
      }
      checkText(ctx, part.text, `${at}.text`);
      tokens += ctx.tokens.count(part.text);
      if (part.text.length > 0) hasContent = true;
      return;
    }
    if (part.type === 'image_url') {
      images++;
      hasContent = true;
      if (role === 'assistant') ctx.report('image_in_assistant_message', at, 'An assistant message contains an image.');
      const image = part.image_url;
      if (!isPlainObject(image)) {
        ctx.report('invalid_image_url', `${at}.image_url`, `"image_url" must be {"url": ...}, not ${preview(image)}.`);
        return;
      }
      checkImageUrl(ctx, image.url, `${at}.image_url.url`);
      if ('detail' in image && !['auto', 'low', 'high'].includes(String(image.detail))) {
        ctx.report('invalid_content_part', `${at}.image_url.detail`, `"detail" is ${preview(image.detail)}; use auto, low or high.`);
      }
      return;
    }
    ctx.report('invalid_content_part', `${at}.type`, `Content part type ${preview(part.type)} is not "text" or "image_url".`);
  });
  return { tokens, images, hasContent };
}
