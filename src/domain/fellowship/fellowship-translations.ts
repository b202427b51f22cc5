/**
 * Spanish and French names and descriptions of the built-in fellowships (fellowships.builtin.ts),
 * for someone deciding which meeting to try first. Names are the ones each fellowship uses in that
 * language; a fellowship without an established name there keeps its own (SMART Recovery, ...).
 * Spanish says "tú", French "vous". French follows French typography: a no-break space (U+00A0)
 * before : ; ! ? and inside « », and the typographic apostrophe ’. The tests check every
 * built-in fellowship is covered.
 */

export interface FellowshipTranslation {
  readonly name: string;
  readonly description: string;
}

const es: Readonly<Record<string, FellowshipTranslation>> = {
  aa: {
    name: 'Alcohólicos Anónimos',
    description:
      'Para cualquier persona que quiera dejar de beber. Las reuniones siguen un formato fijo basado en los Doce Pasos: los miembros comparten su experiencia, y el único requisito para ser miembro es el deseo de dejar de beber.',
  },
  na: {
    name: 'Narcóticos Anónimos',
    description:
      'Para cualquier persona que quiera dejar de consumir drogas, sea cual sea la droga (incluido el alcohol). Reuniones basadas en los Doce Pasos en las que los miembros comparten su experiencia de recuperación.',
  },
  ca: {
    name: 'Cocaína Anónimos',
    description:
      'Para personas que quieren dejar de consumir cocaína y cualquier otra sustancia que altere la mente. Reuniones basadas en los Doce Pasos.',
  },
  cma: {
    name: 'Crystal Meth Anónimos',
    description:
      'Para personas que quieren dejar de consumir metanfetamina (cristal). Reuniones basadas en los Doce Pasos.',
  },
  ma: {
    name: 'Marihuana Anónimos',
    description:
      'Para personas que quieren dejar de consumir marihuana. Reuniones basadas en los Doce Pasos.',
  },
  'al-anon': {
    name: 'Grupos de Familia Al-Anon',
    description:
      'Para familiares y amigos de alguien cuya forma de beber les preocupa, busque esa persona ayuda o no. Las reuniones de Alateen son para jóvenes. Reuniones basadas en los Doce Pasos, centradas en el propio bienestar.',
  },
  'nar-anon': {
    name: 'Grupos de Familia Nar-Anon',
    description:
      'Para familiares y amigos de alguien que consume drogas. Reuniones basadas en los Doce Pasos, centradas en el propio bienestar.',
  },
  smart: {
    name: 'SMART Recovery',
    description:
      'Apoyo mutuo laico y basado en la ciencia para cualquier conducta adictiva. Una persona voluntaria con formación guía la conversación sobre los problemas que trae cada cual, con herramientas prácticas como el análisis de costos y beneficios. Sin pasos ni Poder Superior.',
  },
  'recovery-dharma': {
    name: 'Recovery Dharma',
    description:
      'Reuniones dirigidas por los propios miembros, que usan la práctica budista (la meditación, las Cuatro Nobles Verdades y el Noble Óctuple Sendero) para recuperarse de cualquier adicción. No hace falta creer en nada.',
  },
  'refuge-recovery': {
    name: 'Refuge Recovery',
    description:
      'Un camino de recuperación de la adicción inspirado en el budismo: las reuniones incluyen meditación, una lectura y un tiempo para compartir.',
  },
  'celebrate-recovery': {
    name: 'Celebremos la Recuperación',
    description:
      'Un programa cristiano de recuperación basado en los Doce Pasos y en ocho principios, para cualquier herida, hábito o complejo. Las reuniones suelen celebrarse en iglesias e incluyen un tiempo de alabanza.',
  },
  lifering: {
    name: 'LifeRing Secular Recovery',
    description:
      'Apoyo entre pares, laico y basado en la abstinencia. Las reuniones se centran en la semana que acaba de pasar y en la que viene; sin pasos ni Poder Superior.',
  },
  'women-for-sobriety': {
    name: 'Women for Sobriety',
    description:
      'Apoyo entre mujeres que se recuperan del alcohol y de otras sustancias, basado en una imagen positiva de sí mismas y en trece afirmaciones de aceptación.',
  },
};

const fr: Readonly<Record<string, FellowshipTranslation>> = {
  aa: {
    name: 'Alcooliques anonymes',
    description:
      'Pour toute personne qui veut arrêter de boire. Les réunions suivent un déroulement établi, construit autour des Douze Étapes : les membres partagent leur expérience, et la seule condition pour devenir membre est le désir d’arrêter de boire.',
  },
  na: {
    name: 'Narcotiques Anonymes',
    description:
      'Pour toute personne qui veut arrêter de consommer des drogues, quelle que soit la drogue (alcool compris). Des réunions fondées sur les Douze Étapes, où les membres partagent leur expérience du rétablissement.',
  },
  ca: {
    name: 'Cocaïnomanes anonymes',
    description:
      'Pour les personnes qui veulent arrêter de consommer de la cocaïne et toute autre substance qui altère le comportement. Des réunions fondées sur les Douze Étapes.',
  },
  cma: {
    name: 'Crystal Meth Anonymes',
    description:
      'Pour les personnes qui veulent arrêter de consommer de la méthamphétamine (crystal). Des réunions fondées sur les Douze Étapes.',
  },
  ma: {
    name: 'Marijuana Anonymes',
    description:
      'Pour les personnes qui veulent arrêter de consommer du cannabis. Des réunions fondées sur les Douze Étapes.',
  },
  'al-anon': {
    name: 'Groupes familiaux Al-Anon',
    description:
      'Pour la famille et les amis d’une personne dont la consommation d’alcool les inquiète, que cette personne cherche de l’aide ou non. Les réunions Alateen s’adressent aux jeunes. Des réunions fondées sur les Douze Étapes, centrées sur son propre bien-être.',
  },
  'nar-anon': {
    name: 'Groupes familiaux Nar-Anon',
    description:
      'Pour la famille et les amis d’une personne qui consomme des drogues. Des réunions fondées sur les Douze Étapes, centrées sur son propre bien-être.',
  },
  smart: {
    name: 'SMART Recovery',
    description:
      'Une entraide laïque, fondée sur la science, pour tout comportement addictif. Un animateur bénévole formé guide la discussion sur les problèmes que chacun apporte, à l’aide d’outils pratiques comme l’analyse coûts-avantages. Pas d’étapes, pas de Puissance supérieure.',
  },
  'recovery-dharma': {
    name: 'Recovery Dharma',
    description:
      'Des réunions animées par les membres eux-mêmes, qui s’appuient sur la pratique bouddhiste (la méditation, les Quatre Nobles Vérités et le Noble Octuple Sentier) pour se rétablir de toute dépendance. Aucune croyance n’est requise.',
  },
  'refuge-recovery': {
    name: 'Refuge Recovery',
    description:
      'Une voie de rétablissement de la dépendance inspirée du bouddhisme : les réunions comprennent une méditation, une lecture et un partage.',
  },
  'celebrate-recovery': {
    name: 'Celebrate Recovery',
    description:
      'Un programme chrétien de rétablissement fondé sur les Douze Étapes et huit principes, pour toute blessure, habitude ou blocage. Les réunions ont en général lieu dans des églises et comprennent un temps de louange.',
  },
  lifering: {
    name: 'LifeRing Secular Recovery',
    description:
      'Une entraide laïque entre pairs, fondée sur l’abstinence. Les réunions portent sur la semaine écoulée et la semaine à venir ; pas d’étapes ni de Puissance supérieure.',
  },
  'women-for-sobriety': {
    name: 'Women for Sobriety',
    description:
      'Une entraide entre femmes qui se rétablissent de l’alcool et d’autres substances, fondée sur une image positive de soi et treize affirmations d’acceptation.',
  },
};

/** Names and descriptions of the built-in fellowships, by language and fellowship id. */
export const fellowshipTranslations: Record<
  'es' | 'fr',
  Readonly<Record<string, FellowshipTranslation>>
> = { es, fr };
