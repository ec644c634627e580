/**
 * Phrase material for AI-assistant-written notes: the polished, structured voice that ring
 * operators' prompts produce — and that honest creators using a writing assistant produce too.
 */
const s = (x: string): string[] => x.split('|');

export const AI_ZH = Object.freeze({
  titles: s('{P}｜真实使用感受✨|亲测有效！{P}|{T}天花板｜{P}|用了{n}天{P}，说说我的感受|姐妹们！这个{T}我会一直回购|{P}深度测评来啦|后悔没早点入的{T}✨|{P}，谁用谁知道|平价宝藏{T}｜{P}|关于{P}，我有话要说'),
  usage: s('最近入手了{P}|用了{P}差不多一个月|朋友推荐我试了{P}|这段时间一直在用{P}|终于等到{P}到货|被种草很久的{P}终于用上了|前段时间换成了{P}'),
  leads: s('给大家总结一下它的优点：|说说我的真实感受：|下面是我的使用体验👇|几个让我惊喜的点：|划重点👇|我的使用感受如下：|优点真的太多了：'),
  hookFrames: s('而且它{H}，真的很良心|{H}，这点真的很打动我|划重点：{H}！|尤其要提一下，{H}|值得一提的是，{H}|最关键的是{H}'),
  conFrames: s('如果非要说缺点的话，就是{C}|小小的不足是{C}，但瑕不掩瑜|唯一需要注意的是{C}'),
  summaries: s('总的来说，{P}是一款很值得入手的{T}|总结：{P}真的做到了好用不贵|整体体验下来，我给{P}打九分|一句话总结：闭眼入不踩雷|综合来看，它已经成为我的日常必备|总而言之，{P}让我愿意一直回购'),
  ctas: s('姐妹们可以冲！|有需要的姐妹可以试试哦～|评论区告诉我你们的使用感受吧！|喜欢的话记得点赞收藏哦💕|有问题欢迎在评论区留言～|赶紧码住！|还没试过的姐妹一定要试试'),
  qa: s('Q：用下来感觉怎么样？|Q：值不值得买？|Q：适合什么人？|Q：有什么需要注意的？'),
  qaIntro: s('很多姐妹私信问我用的什么{T}，就是{P}！今天统一回答一下～|最近好多人问我{P}怎么样，集中回复一下|被问了很多次，来写一篇{P}的答疑'),
  bullets: s('✅|✔️|💡|🌟|📌|🔹'),
  numbered: s('1️⃣|2️⃣|3️⃣|4️⃣|5️⃣'),
  pros: s('优点：|✨优点✨|【优点】'),
  cons: s('缺点：|【缺点】|⚠️小缺点：'),
  disclosure: s('本篇为品牌合作|感谢{B}的邀请|合作笔记，但感受都是真实的|品牌方寄送，真实分享'),
  emoji: s('✨|💕|🌟|💖|🔥|👍|🥰'),
  sceneTails: s('一直在用它|全靠它了|每天都离不开它|它真的帮了大忙|它就是我的首选'),
});

export const AI_EN = Object.freeze({
  titles: s('{P}: my honest review ✨|tried {P} so you do not have to|the best {T} i have tried|{n} days with {P}: here is what happened|{P} deep dive|the {T} i wish i found sooner ✨|why {P} earned a spot in my routine'),
  usage: s('i recently picked up {P}|i have been using {P} for about a month|a friend recommended {P}|i finally got my hands on {P}|i switched to {P} a few weeks ago'),
  leads: s('here is what i love about it:|my honest thoughts:|key takeaways 👇|what stood out to me:|the highlights:'),
  hookFrames: s('plus {H}, which is a big win|{H}, and that sold me|worth noting: {H}|the best part? {H}|key point: {H}'),
  conFrames: s('if i had to nitpick, {C}|one small downside: {C}, but it is minor|just a heads up: {C}'),
  summaries: s('overall, {P} is a {T} worth every penny|bottom line: it delivers without the luxury price|overall i would give {P} a solid 9/10|in short: a safe buy|all in all, it is now a staple for me'),
  ctas: s('highly recommend giving it a try!|let me know your thoughts in the comments!|save this for later 💕|drop your questions below!|you will not regret it!'),
  qa: s('Q: how does it feel?|Q: is it worth it?|Q: who is it for?|Q: anything to watch out for?'),
  qaIntro: s('so many of you asked about my {T}: it is {P}, so here is a quick faq|answering your questions about {P}'),
  bullets: s('✅|✔️|💡|🌟|📌|🔹'),
  numbered: s('1.|2.|3.|4.|5.'),
  pros: s('pros:|✨ pros ✨|the good:'),
  cons: s('cons:|⚠️ the not so good:'),
  disclosure: s('#ad|thanks {B} for sending this|paid partnership, honest opinions|gifted by {B}'),
  emoji: s('✨|💕|🌟|💖|🔥|👍|🥰'),
  sceneTails: s('it has been my go-to|this saved me|i have used it every day|it made a real difference'),
});
