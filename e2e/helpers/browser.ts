import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CI installs it. */
const CHROMIUM = '/usr/bin/chromium';
/** Headless, and quiet: no first-run, sync, update or background traffic during tests. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
