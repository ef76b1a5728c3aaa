import { expect, it } from 'vitest';
import { companyDomainOf, isFreeMailDomain } from './free-mail.ts';

it('never lets a free-mail provider define an account', () => {
  for (const domain of [
    'gmail.com',
    'GMAIL.COM',
    'yahoo.co.uk',
    'hotmail.fr',
    'proton.me',
    'yandex.ru',
  ]) {
    expect(isFreeMailDomain(domain)).toBe(true);
  }
  expect(companyDomainOf('sam@gmail.com')).toBeUndefined();
});

it('takes the company domain from a work address', () => {
  expect(companyDomainOf('Sam@Initech.COM')).toBe('initech.com');
  expect(isFreeMailDomain('mailchimp.com')).toBe(false);
  expect(isFreeMailDomain('yahoo-inc.com')).toBe(false);
});
