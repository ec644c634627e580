/**
 * Life-stage personas. Genuine users get one from their profile; ring operators' AI briefs
 * assign "voices" from the same list, so voice alone does not separate a ring from real users.
 */
import type { CategoryKey } from './bank-types.ts';

export interface PersonaVoice {
  intros: string[];
  asides: string[];
  signoffs: string[];
  bio: string[];
}

export interface Persona {
  key: string;
  affinity: CategoryKey[];
  zh: PersonaVoice;
  en: PersonaVoice;
}

const s = (x: string): string[] => x.split('|');

export const PERSONAS: readonly Persona[] = Object.freeze([
  {
    key: 'student',
    affinity: ['food', 'skincare', 'fashion', 'electronics'],
    zh: { intros: s('作为一个生活费有限的学生党|大三狗一枚|宿舍党报到|期末周熬夜的大学生|研究生在读，平时很忙'), asides: s('宿舍室友都问我要链接|生活费有限所以很看重性价比|上课带着也方便|期末周全靠它续命'), signoffs: s('学生党闭眼冲|宿舍党可以入|预算不多的姐妹可以试试'), bio: s('00后|在读大学生|努力搞钱的学生党|xx大学|考研人') },
    en: { intros: s('as a broke college student|junior year survivor here|dorm life check in|grad student with zero free time'), asides: s('my roommates keep asking for the link|budget matters a lot to me|easy to carry to class'), signoffs: s('students, go for it|dorm approved|great pick on a budget'), bio: s('college student|class of 2026|grad student|studying and snacking') },
  },
  {
    key: 'young_mum',
    affinity: ['parenting', 'home', 'food', 'skincare'],
    zh: { intros: s('作为一个带娃三年的宝妈|新手妈妈一枚|二胎妈妈来分享|全职带娃的宝妈|上班族妈妈'), asides: s('带娃之后真的没时间折腾|娃睡了才有空写|宝妈的时间太宝贵了|孩子爸爸都说好'), signoffs: s('宝妈们可以放心入|推荐给忙碌的妈妈们|妈妈们冲'), bio: s('宝妈一枚|记录带娃日常|二胎妈妈|女儿奴|全职妈妈') },
    en: { intros: s('as a mom of a toddler|first time mom here|mom of two checking in|stay at home mom'), asides: s('no time for complicated stuff since the baby|writing this during nap time|my husband approves too'), signoffs: s('moms, this one is for you|busy parents will love it'), bio: s('mom of two|toddler wrangler|boy mom|coffee and nap time') },
  },
  {
    key: 'office_worker',
    affinity: ['skincare', 'food', 'electronics', 'fashion', 'home'],
    zh: { intros: s('作为一个每天通勤两小时的打工人|社畜一枚|互联网大厂打工人|天天加班的上班族|坐办公室的打工人'), asides: s('每天加班到很晚|工位上放一个很方便|同事都被我种草了|通勤路上也能用'), signoffs: s('打工人冲|上班族可以试试|推荐给忙碌的打工人'), bio: s('打工人|上班族|互联网民工|努力搬砖中|下班后的生活') },
    en: { intros: s('as someone who commutes two hours a day|office worker here|corporate girlie checking in|nine to five survivor'), asides: s('i work late most nights|perfect to keep at my desk|my coworkers all bought one'), signoffs: s('office people, try it|nine to fivers will get it'), bio: s('nine to five|corporate by day|work hard nap harder') },
  },
  {
    key: 'fitness_fan',
    affinity: ['fitness', 'food', 'fashion'],
    zh: { intros: s('健身三年的老玩家|正在减脂期的我|自律打卡第{n}天|跑步爱好者来了'), asides: s('每天练完都会用|减脂期真的很需要|教练也推荐过'), signoffs: s('一起变瘦|健身的朋友可以试试|自律给我自由'), bio: s('健身打卡|减脂中|跑步爱好者|瑜伽练习者') },
    en: { intros: s('three years into lifting|currently cutting|day {n} of my fitness journey|runner here'), asides: s('i use it after every workout|really helpful on a cut|my trainer recommended it too'), signoffs: s('lets get fit together|gym people, try it'), bio: s('gym rat|runner|yoga every morning|fitness journey') },
  },
  {
    key: 'beauty_fan',
    affinity: ['skincare', 'fashion'],
    zh: { intros: s('护肤七年的成分党|空瓶记录来了|爱研究成分的我|美妆爱好者一枚'), asides: s('用过的精华没有一百也有五十|对成分比较敏感|试过很多同类产品'), signoffs: s('成分党可以放心|干皮油皮都能试试'), bio: s('成分党|空瓶记录|护肤爱好者|美妆分享') },
    en: { intros: s('ingredient nerd for seven years|empties post time|skincare obsessed'), asides: s('i have tried dozens of these|i read every ingredient list'), signoffs: s('ingredient nerds approved'), bio: s('skincare nerd|beauty junkie|empties and reviews') },
  },
  {
    key: 'homebody',
    affinity: ['home', 'food', 'electronics'],
    zh: { intros: s('独居两年的女生|宅家爱好者|租房党一枚|刚搬新家的我'), asides: s('一个人住更要对自己好一点|租的房子也要住得舒服|周末基本不出门'), signoffs: s('提升幸福感就靠它了|租房党可以入'), bio: s('独居生活|宅家日常|租房改造|记录生活') },
    en: { intros: s('living alone for two years|homebody here|renter checking in|just moved into a new place'), asides: s('living alone means treating yourself|rentals can be cozy too'), signoffs: s('small joys matter'), bio: s('homebody|apartment living|cozy things') },
  },
  {
    key: 'traveler',
    affinity: ['travel', 'fashion', 'food'],
    zh: { intros: s('一年出门{n}次的旅行爱好者|周末特种兵|喜欢小众目的地的我|背包客一枚'), asides: s('每次出门都会做很多功课|走过挺多地方了|更喜欢人少的地方'), signoffs: s('喜欢旅行的朋友可以收藏|有机会一定要去'), bio: s('在路上|旅行博主|周末去哪儿|看世界') },
    en: { intros: s('traveling {n} times a year|weekend warrior traveler|hidden gem hunter|backpacker'), asides: s('i always over research trips|i prefer quieter places'), signoffs: s('save this for your next trip'), bio: s('always traveling|passport full|weekend trips') },
  },
  {
    key: 'techie',
    affinity: ['electronics', 'home', 'fitness'],
    zh: { intros: s('数码博主一枚|写代码的程序员|折腾党|桌面控'), asides: s('平时对数码产品比较挑|写代码一坐就是一天|家里设备一大堆'), signoffs: s('数码党可以冲|理性消费'), bio: s('程序员|数码爱好者|折腾党|桌面控') },
    en: { intros: s('tech reviewer here|software engineer|tinkerer|desk setup nerd'), asides: s('i am picky about gadgets|i sit at a desk all day coding'), signoffs: s('tech people, this is a good one'), bio: s('software engineer|gadget nerd|desk setups') },
  },
  {
    key: 'retiree',
    affinity: ['home', 'food', 'travel'],
    zh: { intros: s('退休在家的阿姨|帮女儿带孩子的姥姥|五十多岁的我'), asides: s('女儿教我用的这个软件|年纪大了就图个方便'), signoffs: s('推荐给老姐妹们|年纪大的也能用'), bio: s('退休生活|快乐老年|养花种菜') },
    en: { intros: s('retired and loving it|grandma helping with the grandkids'), asides: s('my daughter set this app up for me'), signoffs: s('great for older folks too'), bio: s('retired|grandma life|gardening') },
  },
]);
