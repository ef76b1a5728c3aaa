import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('places longer English and other Latin-script text', () => {
    expect(detectLanguage('The app crashes every time I open the settings page')).toMatchObject({
      code: 'en',
    });
    expect(
      detectLanguage('Je suis très déçu du service client, la livraison est en retard'),
    ).toMatchObject({
      code: 'fr',
    });
    expect(detectLanguage('Bestellung kam nicht an, Lieferung viel zu spät').code).toBe('de');
  });

  it('settles plain English by its function words, and never mistakes other languages for it', () => {
    expect(
      detectLanguage(
        'Exports to CSV keep timing out when the report covers more than three months',
      ),
    ).toMatchObject({ code: 'en' });
    // Other languages, with English loanwords and words English shares with them ("in", "is",
    // "a", "for", "at", "i", "do", "me"), stay theirs.
    const others: Array<[string, string]> = [
      [
        'Das neue Dashboard ist super, aber der Export nach Excel funktioniert nicht mehr seit dem Update',
        'de',
      ],
      [
        'Ik heb de blauwe jas drie weken geleden besteld en hij is nog steeds niet aangekomen',
        'nl',
      ],
      [
        'Jeg har ventet i tre uger på min ordre, og det er for dårligt at ingen svarer på mine mails',
        'da',
      ],
      [
        'Encomendei o casaco azul há três semanas e ainda não chegou, ninguém responde do suporte',
        'pt',
      ],
      [
        'He pedido la chaqueta azul hace tres semanas y todavía no me ha llegado, nadie responde',
        'es',
      ],
      [
        'Ho ordinato la giacca blu tre settimane fa e non è ancora arrivata, i ragazzi non rispondono',
        'it',
      ],
      [
        "J'ai commandé la veste bleue il y a trois semaines et elle n'est toujours pas arrivée",
        'fr',
      ],
    ];
    for (const [text, code] of others) expect(detectLanguage(text).code, text).toBe(code);
  });

  it('knows the language of single-language scripts even in short text', () => {
    expect(detectLanguage('配送が遅れました')).toMatchObject({ code: 'ja' });
    expect(detectLanguage('배송이 늦었어요').code).toBe('ko');
    expect(detectLanguage('Η παράδοση καθυστέρησε').code).toBe('el');
    expect(detectLanguage('送货太慢了').code).toBe('zh');
    expect(detectLanguage('配送が遅れました').confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('places mixed-script text by its larger part', () => {
    const mostlyEnglish = 'The delivery was two weeks late and nobody answered my emails 配送';
    expect(detectLanguage(mostlyEnglish).code).toBe('en');
    expect(detectLanguage('Доставка задержалась на неделю, очень плохо. ok').code).toBe('ru');
  });

  it('reads short common English as English rather than a look-alike language', () => {
    expect(detectLanguage('great app').code).toBe('en');
    expect(detectLanguage('great app').confidence).toBeLessThan(0.5);
  });

  it('gives und with no confidence to text without letters', () => {
    expect(detectLanguage('👍👍 123 https://example.com/a')).toEqual({
      code: 'und',
      confidence: 0,
    });
    expect(detectLanguage('')).toEqual({ code: 'und', confidence: 0 });
  });

  it('damps confidence for very short text', () => {
    expect(detectLanguage('Merci').confidence).toBeLessThan(0.5);
  });
});
