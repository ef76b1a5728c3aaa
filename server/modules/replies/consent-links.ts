/**
 * The signed Yes/No links a follow-up carries to ask for consent to re-contact; they are made by
 * the consent module (one token per message id, so they can be built before the message is
 * written with that id).
 */
export { consentLinks, type ConsentLinks } from '../consent/consent.service.ts';
