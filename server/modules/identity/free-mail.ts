/**
 * Email domains that belong to mail providers, not to companies: an address there says nothing
 * about the customer's account. Exact domains, plus provider families under any country suffix.
 */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'mail.com',
  'mail.ru',
  'inbox.ru',
  'bk.ru',
  'list.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'tuta.io',
  'hushmail.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'virgilio.it',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'naver.com',
  'daum.net',
  'rediffmail.com',
  'btinternet.com',
  'comcast.net',
  'verizon.net',
  'att.net',
]);
const FREE_MAIL_FAMILIES = /^(yahoo|ymail|hotmail|live|outlook|yandex|rocketmail)\.[a-z.]{2,6}$/;

export function isFreeMailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return FREE_MAIL_DOMAINS.has(lower) || FREE_MAIL_FAMILIES.test(lower);
}

/** The company domain of an address, or undefined for free-mail providers. */
export function companyDomainOf(email: string): string | undefined {
  const domain = email.split('@')[1]?.toLowerCase();
  return domain && !isFreeMailDomain(domain) ? domain : undefined;
}
