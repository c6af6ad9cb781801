// The two checks every downloaded thumbnail passes: its URL is on TikTok's image servers (or the
// oEmbed endpoint's own host), and its bytes are a JPEG, PNG or WebP image by their magic numbers.
import { describe, expect, it } from 'vitest';
import { imageMime, thumbnailUrlRefusal } from '../../src-main/enrich/thumbnail';
import { THUMBNAIL_PNG } from './thumbnail-server';

const OEMBED = 'https://www.tiktok.com/oembed';
const bytes = (...values: (number | string)[]) =>
  Buffer.concat(
    values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
  );

describe('thumbnail hosts', () => {
  it.each([
    'https://p16-sign.tiktokcdn.com/obj/tos-maliva-p-0068/abc~tplv-noop.image?x-expires=1',
    'https://p19-sign.tiktokcdn-us.com/tos-useast5-p-0068-tx/abc~c5_720x720.jpeg',
    'https://p16-common-sign-no.tiktokcdn-eu.com/tos-no1a-p-0037-no/abc.image',
    'https://p16-sign-sg.ibyteimg.com/tos-alisg-p-0037/abc.jpeg',
    'https://p1-tt.byteimg.com/origin/abc',
    'https://TIKTOKCDN.COM/abc',
  ])('allows %s', (url) => {
    expect(thumbnailUrlRefusal(url, OEMBED)).toBeNull();
  });

  it.each([
    [
      'https://example.com/a.jpg',
      "the thumbnail is on example.com, not one of TikTok's image servers",
    ],
    [
      'https://tiktokcdn.com.evil.example/a.jpg',
      "the thumbnail is on tiktokcdn.com.evil.example, not one of TikTok's image servers",
    ],
    [
      'https://eviltiktokcdn.com/a.jpg',
      "the thumbnail is on eviltiktokcdn.com, not one of TikTok's image servers",
    ],
    [
      'https://www.tiktok.com:8443/a.jpg',
      "the thumbnail is on www.tiktok.com:8443, not one of TikTok's image servers",
    ],
    ['http://p16-sign.tiktokcdn.com/a.jpg', 'the thumbnail URL is not https'],
    ['data:image/png;base64,AAAA', 'the thumbnail URL is not https'],
    ['not a url', 'the thumbnail URL is not a URL'],
  ])('refuses %s', (url, why) => {
    expect(thumbnailUrlRefusal(url, OEMBED)).toBe(why);
  });

  it("allows the oEmbed endpoint's own host, port and scheme (a mirror, or a test's stand-in)", () => {
    const local = 'http://127.0.0.1:4321/oembed';
    expect(thumbnailUrlRefusal('http://127.0.0.1:4321/obj/1.image', local)).toBeNull();
    expect(thumbnailUrlRefusal('https://www.tiktok.com/obj/1.image', OEMBED)).toBeNull();
    // Another port, another name for the same machine, another scheme: not the same host.
    expect(thumbnailUrlRefusal('http://127.0.0.1:4322/obj/1.image', local)).toBe(
      "the thumbnail is on 127.0.0.1:4322, not one of TikTok's image servers",
    );
    expect(thumbnailUrlRefusal('https://localhost:4321/obj/1.image', local)).toBe(
      "the thumbnail is on localhost:4321, not one of TikTok's image servers",
    );
    expect(thumbnailUrlRefusal('https://127.0.0.1:4321/obj/1.image', local)).toBe(
      "the thumbnail is on 127.0.0.1:4321, not one of TikTok's image servers",
    );
  });
});

describe('image bytes', () => {
  it('knows a JPEG, a PNG and a WebP by their first bytes', () => {
    expect(imageMime(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'))).toBe('image/jpeg');
    expect(imageMime(THUMBNAIL_PNG)).toBe('image/png');
    expect(imageMime(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, SVG and truncated headers included', () => {
    for (const other of [
      bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      bytes('<?xml version="1.0"?><svg/>'),
      bytes('<!DOCTYPE html><html>'),
      bytes('GIF89a', 1, 0, 1, 0),
      bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '),
      bytes(0xff, 0xd8),
      bytes(0x89, 'PNG'),
      bytes('{"status_msg":"Something went wrong"}'),
      Buffer.alloc(0),
    ])
      expect(imageMime(other)).toBeNull();
  });
});
