/**
 * Common English nicknames by formal first name, so "Sam" finds Samantha and Samuel and "Bob"
 * finds Robert without every workspace typing them in. Data only: one line per formal name, its
 * nicknames after the colon. Lower case, ASCII (matching strips accents first).
 */
const TABLE = `
abigail: abby, abbie, gail
abraham: abe, bram
adam: ade
adelaide: addie, adele, heidi
adrian: ade
agnes: aggie, nessie
albert: al, bert, bertie
alexander: alex, alec, al, sandy, xander, lex
alexandra: alex, alexa, lexi, sandra, sandy, sasha
alexis: lexi, alex
alfred: alf, alfie, fred, freddie
alice: allie, ally
alison: ali, ally
allison: ali, ally
amanda: mandy, manda
amelia: millie, amy, mia
andrea: andie
andrew: andy, drew
angela: angie
anna: annie
anne: annie, nan
annabel: annie, bella
anthony: tony, ant
antonio: tony, toni
archibald: archie, archy
arnold: arnie
arthur: art, artie
augustus: gus, augie
barbara: barb, barbie, babs
barnaby: barney
bartholomew: bart
beatrice: bea, trixie
benedict: ben, benny
benjamin: ben, benny, benji
bernard: bernie
beverly: bev
bradley: brad
brian: bri
bridget: biddy, bridie
calvin: cal
cameron: cam
camilla: millie, cami
caroline: carrie, carol, caro
carolyn: carrie, carol
catherine: cathy, cate, kate, katie, kitty
cecilia: cece, celia, cissy
charles: charlie, chuck, chas, chaz
charlotte: charlie, lottie, lotte
christian: chris
christina: chris, tina, chrissy
christine: chris, tina, chrissy
christopher: chris, kit, topher
clarence: clare
clifford: cliff
cornelius: neil, corny
cynthia: cindy
daniel: dan, danny
danielle: dani, elle
david: dave, davy, davey
deborah: deb, debbie, debs
dennis: den
diana: di
dominic: dom
dominique: dom
donald: don, donnie
dorothy: dot, dottie, dolly
douglas: doug
duncan: dunc
edmund: ed, eddie, ned
edward: ed, eddie, ted, teddy, ned
edwin: ed, eddie
eleanor: ellie, nell, nora, elle
elisabeth: liz, lizzie, beth, eliza, lisa, betty, libby
elizabeth: liz, lizzie, beth, eliza, lisa, betty, betsy, libby, bess, bessie
ellen: ellie, nell
emily: em, emmy, millie
emma: em, emmy
eric: rick
ernest: ernie
eugene: gene
evelyn: evie, eve
ezekiel: zeke
florence: flo, florrie
frances: fran, fanny, frankie
francesca: fran, frankie, chesca
francis: frank, frankie
frank: frankie
franklin: frank
frederick: fred, freddie, freddy
gabriel: gabe
gabriella: gabby, ella
gabrielle: gabby, elle
geoffrey: geoff, jeff
george: georgie
georgina: georgie, gina
gerald: gerry, jerry
geraldine: gerry, geri
gertrude: gertie, trudy
gilbert: gil, bert
gillian: gill, jill
gregory: greg
gwendolyn: gwen, wendy
harold: harry, hal
harriet: hattie, harry
helen: nell, nellie
henry: harry, hank, hal
herbert: herb, bert
howard: howie
isaac: ike, zac
isabel: izzy, bel, bella
isabella: izzy, bella, bel
isabelle: izzy, bella
jacob: jake, jay, cob
jacqueline: jackie, jacqui
james: jim, jimmy, jamie, jem
jane: janie, jenny
janet: jan
jeffrey: jeff
jennifer: jen, jenny, jenn
jeremiah: jerry, jem
jeremy: jerry, jez
jessica: jess, jessie
joanna: jo, jojo
joanne: jo
johanna: jo, hanna
john: johnny, jack, jock
jonathan: jon, jonny, nate
joseph: joe, joey, jo
josephine: jo, josie, jojo
joshua: josh
judith: judy, jude
julia: jules, julie
julian: jules
katherine: kate, kathy, katie, kat, kitty, kay
kathleen: kate, kathy, kath
kenneth: ken, kenny
kimberly: kim
kristen: kris
kristopher: kris
lauren: laurie, ren
laurence: larry, laurie, lance
lawrence: larry, laurie
leonard: leo, len, lenny
leonardo: leo
lillian: lily, lil
louis: lou, louie
louisa: lou, lulu
louise: lou, lulu
lucinda: lucy, cindy
lucille: lucy, lu
madeleine: maddie, maddy, madge
madeline: maddie, maddy
madison: maddie, maddy
magdalena: maggie, lena
malcolm: mal
margaret: maggie, meg, peggy, marge, margie, madge, greta, daisy
marjorie: marge, margie
martha: marty, mattie, patsy
martin: marty
matilda: tilly, tilda, mattie
matthew: matt, matty
maximilian: max
maxwell: max
melanie: mel
melissa: mel, missy, lissa
michael: mike, mikey, mick, micky, mickey, mich
michelle: shelly, michy
miriam: mimi
mitchell: mitch
montgomery: monty
nathan: nate, nat
nathaniel: nate, nat, nathan
nicholas: nick, nicky, nico
nicola: nicky, nic
nicole: nicky, nikki, nic
norman: norm
oliver: ollie, olly
olivia: liv, livvy, ollie
oswald: ozzy, oz
pamela: pam
patricia: pat, patty, patsy, trish, tricia
patrick: pat, paddy, rick
penelope: penny, nell
peter: pete
philip: phil, pip
phillip: phil
priscilla: cilla, prissy
rachel: rach
raymond: ray
rebecca: becky, becca, bex
reginald: reg, reggie
richard: rich, rick, ricky, dick, richie
robert: rob, robbie, bob, bobby, bert
roberta: bobbie, robbie, berta
roderick: rod, roddy
rodney: rod
ronald: ron, ronnie
rosalind: ros, roz
rosemary: rose, rosie
russell: russ
samantha: sam, sammy, sammie
samuel: sam, sammy
sandra: sandy
sarah: sal, sally, sadie
sebastian: seb, bastian
sharon: shaz
sidney: sid
simon: si
sophia: sophie
stanley: stan
stephanie: steph, stevie
stephen: steve, stevie
steven: steve, stevie
susan: sue, susie, suzy
susanna: sue, susie, suzy
suzanne: sue, suzy
sylvester: sly
terence: terry
theodore: theo, ted, teddy
theresa: tess, tessa, terri, tessie
thomas: tom, tommy
timothy: tim, timmy
tobias: toby
valentine: val
valerie: val
vanessa: nessa, ness
veronica: ronnie, vera
victor: vic
victoria: vicky, vic, tori, tory
vincent: vince, vinnie
virginia: ginny, ginger
walter: walt, wally
wilfred: wilf, fred
william: will, bill, billy, willie, liam
winifred: winnie, freddie
yvonne: vonnie
zachary: zach, zack, zac
`;

/** Formal first name → its common nicknames. */
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [formal, nicknames] = line.split(':') as [string, string];
      return [formal.trim(), nicknames.split(',').map((nickname) => nickname.trim())];
    }),
);

/**
 * Names that are also ordinary English words ("Will you help?", "in May", "a grant", "the bill"):
 * as a first name alone they count only with a person cue, never from capitalisation alone.
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set(
  `
  will bill mark may june april august grant rose pat sue jack frank rich hope joy faith grace art
  bud chase dawn drew guy hunter ivy jay lily max miles norm penny ray rob rod rusty sally sandy
  summer victor wade warren gene gale holly iris jade ruby amber cliff dale dean don glen heath
  lane lance mason nick pierce sterling van carol crystal destiny eve fern heather misty olive
  pearl robin ginger honey brook bob dick chuck kit cob den dot em herb jan nan pip reg win val
  ally cam hank ken ted angel autumn star sky river page price young king earl baker cook carter
  shepherd charity patience prudence bishop hunter
  `
    .split(/\s+/)
    .filter(Boolean),
);
