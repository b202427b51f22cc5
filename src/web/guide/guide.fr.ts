import type { GuideContent } from './guide-content.ts';

/**
 * The guide for newcomers, in French. Says "vous"; follows guide.en.ts paragraph by paragraph.
 * French typography: a no-break space (U+00A0) before : ; ! ? and inside « », the apostrophe ’.
 */
export const guideFr: GuideContent = {
  title: 'Vous découvrez les réunions ?',
  intro: [
    'Les réunions d’entraide sont des groupes de soutien où des personnes qui ont des problèmes d’alcool ou de drogue parlent de ce qui se passe dans leur vie et prennent soin les unes des autres. Écouter d’autres personnes qui vivent la même chose aide à voir qu’on n’est pas seul.',
    'Elles ne sont pas animées par des professionnels, et il n’y a pas de leçon du jour. Ce sont des bénévoles, eux-mêmes en rétablissement, qui les organisent. Les réunions sont gratuites et vous n’avez pas besoin de vous inscrire.',
  ],
  whatHappens: {
    heading: 'Comment se passe une réunion',
    paragraphs: [
      'Les participants prennent la parole à tour de rôle pour dire un peu comment ils vont, pendant que les autres écoutent. Rien ne vous oblige à parler : vous pouvez donner votre prénom et dire que vous préférez écouter, ou ne rien dire du tout.',
      'La confidentialité est l’une des règles les plus fondamentales : « Ce qui se dit ici reste ici ». Beaucoup restent prendre un thé ou un café après la réunion.',
    ],
  },
  kindsHeading: 'Les types de réunions',
  kindsIntro:
    'Les réunions fonctionnent de différentes façons. Aucune n’est la bonne pour tout le monde.',
  kinds: {
    twelve_step: {
      heading: 'Réunions en Douze Étapes',
      text: 'Les Alcooliques anonymes, Narcotiques Anonymes et d’autres associations suivent un déroulement établi, construit autour des Douze Étapes. Les membres partagent leur expérience du rétablissement ; certaines réunions étudient une étape ou un livre. Libre à vous de suivre cette structure aussi loin que vous le souhaitez.',
    },
    smart: {
      heading: 'SMART Recovery',
      text: 'Un animateur bénévole formé guide la discussion sur les problèmes que les participants apportent ce jour-là, à l’aide d’outils pratiques fondés sur la science. Pas d’étapes, pas de Puissance supérieure.',
    },
    buddhist: {
      heading: 'Réunions d’inspiration bouddhiste',
      text: 'Recovery Dharma et Refuge Recovery s’appuient sur la méditation et les enseignements bouddhistes, avec une lecture et un temps de partage. Aucune croyance n’est requise.',
    },
    other: {
      heading: 'Groupes moins formels',
      text: 'D’autres groupes, laïques ou confessionnels, ont une structure plus légère et parlent de la semaine écoulée et de celle à venir.',
    },
    family: {
      heading: 'Réunions pour la famille et les amis',
      text: 'Si la consommation d’alcool ou de drogue de quelqu’un vous inquiète, Al-Anon, Nar-Anon et les groupes semblables sont là pour vous, que cette personne se fasse aider ou non.',
    },
  },
  sections: [
    {
      heading: 'Réunions ouvertes et fermées',
      paragraphs: [
        'Les réunions ouvertes accueillent tout le monde : personnes en rétablissement, famille, amis et simples curieux. Les réunions fermées sont réservées aux personnes qui veulent arrêter de boire ou de consommer, ou qui se posent la question. Si vous hésitez, une réunion ouverte est une bonne première étape.',
      ],
    },
    {
      heading: 'Votre première réunion',
      paragraphs: [
        'Si vous le pouvez, arrivez quelques minutes en avance et, si vous le souhaitez, dites à quelqu’un que c’est votre première réunion : votre venue fera plaisir. Les réunions pour les nouveaux ou les débutants sont particulièrement accueillantes. Les réunions en ligne permettent de participer de chez vous, caméra éteinte si vous préférez.',
      ],
    },
    {
      heading: 'Parler en termes généraux',
      paragraphs: [
        'Il est préférable de parler des choses en termes généraux plutôt que d’entrer trop dans les détails. Certains sujets très personnels sont parfois mieux abordés avec la personne qui vous suit ou un thérapeute qu’avec les autres membres en réunion.',
      ],
    },
  ],
  closing:
    'Pourquoi ne pas essayer plusieurs réunions pour voir celle qui vous convient le mieux ?',
};
