/** Category-independent English phrase material. */
const s = (x: string): string[] => x.split('|');

export const EN = Object.freeze({
  attrFrames: s('{A}|honestly {A}|what surprised me most: {A}|the biggest thing for me is that {A}|also {A}|{A}, which i did not expect|i feel like {A}|plus {A}|{A} and i love that|not gonna lie, {A}|{A}, big plus|on top of that {A}'),
  conFrames: s('only downside: {C}|the one thing i do not love is that {C}|{C}, but i can live with it|if i had to complain, {C}|minor gripe: {C}|but {C}'),
  usage: s('i have been using it for two weeks|i have had it for a month now|this is my {n}th repurchase|i finished a whole bottle|it arrived a few days ago|i bought it about six months ago|first time trying it|a friend gifted it to me|i have been testing it for a while|i stocked up on {n} of them|i finally caved after seeing it everywhere'),
  openers: s('ok so|not sponsored!|finally writing this review|quick review|random post but|i need to talk about this|sharing a recent favorite|bottom line first|long time no post|real talk'),
  posVerdicts: s('overall totally worth it|will repurchase|highly recommend if you are like me|great value, go for it|no regrets|it has a permanent spot in my routine|it is a steal at this price|all my friends have bought it now|definitely give it a try'),
  neutralVerdicts: s('it is fine i guess|decent but nothing special|depends on what you need|good for beginners|not bad but i will not repurchase|worth it on sale'),
  negVerdicts: s('will not buy again|total miss for me|kind of disappointed|not worth the money|i returned it|nothing like the ads|save your money'),
  closers: s('ask me anything in the comments|that is it for now|just my experience, yours may differ|any other recs?|more reviews soon|hope this helps|save this for later'),
  questions: s('has anyone tried {P}?|how does {P} compare to others?|which {T} should i get?|is {P} worth it?|where do you buy {P} cheapest?|what {T} do you all use?'),
  questionTails: s('thinking about getting it|on a budget so want opinions first|read too many reviews and now i am confused|been going back and forth for days|please be honest'),
  titles: s('{P}|thoughts on {P}|{T} review|is {P} actually good|today\'s find: {P}|{P} was a miss…|a few thoughts on {P}|my {T} list|{P} repurchase'),
  lifestyle: s('the weather was so nice today|saw the prettiest sunset on my way home|finally slept in this weekend|tried a new restaurant with friends|work has been exhausting, small wins though|another day another grind|cooked dinner myself and it worked|took a day off for myself|trying to fix my sleep schedule|finals are finally over|took my parents out for dinner|ran 5k today|my cat is being a menace again'),
  lifestyleTails: s('hope tomorrow is just as good|little things matter|just logging this|happy|that is all|onwards'),
  comments: s('link please|so pretty!|where did you get it?|saving this|adding to cart|is it really that good?|same!|i use this too, it is good|thanks for sharing|learned something|this gave me a rash|how much was it?|looks delicious|just ordered|tempted|so true|lol|following for updates|i got burned by this too|which shade is this?|+1|meh for me'),
  emoji: s('😭|😂|🥹|✨|💕|🔥|👍|🤩|😍|🥰|💯|🙌|😋|🌟|❤️|🤣|👀|🙏|💪|🎉'),
  bullets: s('✅|✔️|🌟|💡|📌|👉|-|•'),
  numberBullets: s('1.|2.|3.|4.|5.|6.'),
  connectors: s('then|also|and|plus|on top of that|finally'),
  sentenceEnds: s('.|!|.|!!|...|.|'),
});
