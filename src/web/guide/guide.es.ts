import type { GuideContent } from './guide-content.ts';

/** The guide for newcomers, in Spanish. Says "tú"; follows guide.en.ts paragraph by paragraph. */
export const guideEs: GuideContent = {
  title: '¿Primera vez en una reunión?',
  intro: [
    'Las reuniones de ayuda mutua son grupos de apoyo en los que personas con problemas con las drogas o el alcohol hablan de lo que está pasando en su vida y se cuidan unas a otras. Escuchar a otras personas que pasan por lo mismo te ayuda a ver que no te pasa solo a ti.',
    'No las dirigen profesionales y no hay una lección del día. Las organizan voluntarios que también están en recuperación. Las reuniones son gratuitas y no hace falta inscribirse.',
  ],
  whatHappens: {
    heading: 'Qué pasa en una reunión',
    paragraphs: [
      'Por turnos, cada persona habla un rato de cómo le van las cosas, mientras los demás escuchan. No tienes que hablar: puedes decir tu nombre de pila y que prefieres escuchar, o no decir nada.',
      'La confidencialidad es una de las reglas más básicas: «Lo que se dice aquí, aquí se queda». Muchos se quedan después a tomar un té o un café.',
    ],
  },
  kindsHeading: 'Tipos de reunión',
  kindsIntro:
    'Las reuniones funcionan de maneras distintas. Ninguna es la adecuada para todo el mundo.',
  kinds: {
    twelve_step: {
      heading: 'Reuniones de Doce Pasos',
      text: 'Alcohólicos Anónimos, Narcóticos Anónimos y otras comunidades siguen un formato fijo basado en los Doce Pasos. Los miembros comparten su experiencia de recuperación; algunas reuniones estudian un paso o un libro. Puedes seguir esa estructura hasta donde tú quieras.',
    },
    smart: {
      heading: 'SMART Recovery',
      text: 'Una persona voluntaria con formación guía la conversación sobre los problemas que traen ese día quienes asisten, con herramientas prácticas basadas en la ciencia. Sin pasos ni Poder Superior.',
    },
    buddhist: {
      heading: 'Reuniones de inspiración budista',
      text: 'Recovery Dharma y Refuge Recovery usan la meditación y las enseñanzas budistas, con una lectura y un tiempo para compartir. No hace falta creer en nada.',
    },
    other: {
      heading: 'Grupos menos formales',
      text: 'Otros grupos, laicos o religiosos, tienen una estructura más ligera y hablan de la semana que acaba de pasar y de la que viene.',
    },
    family: {
      heading: 'Reuniones para familiares y amigos',
      text: 'Si te preocupa lo que bebe o consume otra persona, Al-Anon, Nar-Anon y grupos parecidos son para ti, busque esa persona ayuda o no.',
    },
  },
  sections: [
    {
      heading: 'Reuniones abiertas y cerradas',
      paragraphs: [
        'Las reuniones abiertas son para cualquiera: personas en recuperación, familiares, amigos y cualquier persona con curiosidad. Las cerradas son solo para quienes quieren dejar de beber o de consumir, o se lo están planteando. Si tienes dudas, una reunión abierta es un buen primer paso.',
      ],
    },
    {
      heading: 'Tu primera reunión',
      paragraphs: [
        'Si puedes, llega unos minutos antes y, si quieres, dile a alguien que es la primera vez que vienes: se alegrarán de que hayas venido. Las reuniones para recién llegados o principiantes son especialmente acogedoras. Las reuniones en línea te permiten conectarte desde casa, con la cámara apagada si lo prefieres.',
      ],
    },
    {
      heading: 'Hablar en términos generales',
      paragraphs: [
        'Es mejor hablar de las cosas en términos generales, sin entrar en demasiados detalles. Algunos asuntos muy personales quizá sea mejor hablarlos con la persona que lleva tu caso o con un terapeuta que con los demás en una reunión.',
      ],
    },
  ],
  closing: '¿Por qué no pruebas varias reuniones distintas y ves cuál te va mejor?',
};
