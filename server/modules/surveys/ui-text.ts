/** The few words of the survey pages that are not the survey's own texts. */
type WordKey =
  | 'next'
  | 'skip'
  | 'yes'
  | 'no'
  | 'required'
  | 'invalid'
  | 'closed'
  | 'notFound'
  | 'thanks'
  | 'progress'
  | 'chooseAny';
export type Words = Record<WordKey, string>;

const WORDS: Record<'en' | 'fr' | 'de' | 'es', Words> = {
  en: {
    next: 'Next',
    skip: 'Skip',
    yes: 'Yes',
    no: 'No',
    required: 'Please answer this question.',
    invalid: 'That answer is not one we can take; please try again.',
    closed: 'This survey is closed.',
    notFound: 'This survey link does not work. Please check it, or ask the sender for a new one.',
    thanks: 'Thank you!',
    progress: 'Question {n} of {total}',
    chooseAny: 'Choose all that apply.',
  },
  fr: {
    next: 'Suivant',
    skip: 'Passer',
    yes: 'Oui',
    no: 'Non',
    required: 'Merci de répondre à cette question.',
    invalid: 'Cette réponse ne convient pas ; merci de réessayer.',
    closed: 'Cette enquête est close.',
    notFound: 'Ce lien d’enquête ne fonctionne pas. Vérifiez-le ou demandez-en un nouveau.',
    thanks: 'Merci !',
    progress: 'Question {n} sur {total}',
    chooseAny: 'Plusieurs choix possibles.',
  },
  de: {
    next: 'Weiter',
    skip: 'Überspringen',
    yes: 'Ja',
    no: 'Nein',
    required: 'Bitte beantworten Sie diese Frage.',
    invalid: 'Diese Antwort können wir nicht annehmen; bitte versuchen Sie es erneut.',
    closed: 'Diese Umfrage ist geschlossen.',
    notFound:
      'Dieser Umfragelink funktioniert nicht. Bitte prüfen Sie ihn oder fordern Sie einen neuen an.',
    thanks: 'Vielen Dank!',
    progress: 'Frage {n} von {total}',
    chooseAny: 'Mehrfachauswahl möglich.',
  },
  es: {
    next: 'Siguiente',
    skip: 'Omitir',
    yes: 'Sí',
    no: 'No',
    required: 'Por favor, responda esta pregunta.',
    invalid: 'No podemos aceptar esa respuesta; inténtelo de nuevo.',
    closed: 'Esta encuesta está cerrada.',
    notFound: 'Este enlace de encuesta no funciona. Compruébelo o pida uno nuevo.',
    thanks: '¡Gracias!',
    progress: 'Pregunta {n} de {total}',
    chooseAny: 'Elija todas las que correspondan.',
  },
};

export function wordsFor(language: string): Words {
  const base = language.split('-')[0]!.toLowerCase();
  return (WORDS as Record<string, Words | undefined>)[base] ?? WORDS.en;
}
