// Dutch texts of the additional audit's addendum (scenario c). The handbook (§3, B6 §9c) speaks of
// "aanvullend onderzoek ter plekke", "een beknopt verslag", "een aanvullende passage in Deel A" and
// "een addendum op deel B". Spread into nl.ts; en has the same keys.
export const nlAddendum = {
  'addendum.title': 'Aanvullende toetsing',
  'addendum.intro':
    'De CI toetst aan de hand van de verbeterplannen welke vooruitgang de organisatie heeft geboekt: per norm die niet of deels voldeed een nieuw oordeel met bevindingen, en een beknopt verslag als aanvullende passage in deel A. Alles wordt vanzelf opgeslagen, ook zonder verbinding op dit apparaat.',
  'addendum.progressTitle': 'Voortgang',
  'addendum.plannedFor': 'Gepland op {date}.',
  'addendum.heldOn': 'Gehouden op {date}: het addendum ligt vast en staat in het definitieve rapport.',
  'addendum.missing': 'Nog nodig voor het afsluiten: {items}.',
  'addendum.complete': 'Alle normen zijn opnieuw beoordeeld en de passage is geschreven.',
  'addendum.passageMissing': 'de aanvullende passage',
  'addendum.overallCaption': 'Overzicht van de oordelen na de aanvullende toetsing (normnummers)',
  'addendum.normsTitle': 'Opnieuw te beoordelen normen',
  'addendum.before': 'Oordeel in het definitieve rapport: {verdict}',
  'addendum.passageTitle': 'Aanvullende passage voor deel A',
  'addendum.passageLabel': 'Beknopt verslag van de aanvullende toetsing',
  'addendum.passageConflict': 'De aanvullende passage is intussen door iemand anders opgeslagen',
  'addendum.hold': 'Aanvullende toetsing afsluiten',
  'addendum.holdHint':
    'Legt vandaag vast dat de aanvullende toetsing is gehouden. De uitkomst volgt uit de nieuwe oordelen; daarna verandert het addendum niet meer.',
  'addendum.toReport': 'Bekijk het rapport met het addendum',
} as const;
