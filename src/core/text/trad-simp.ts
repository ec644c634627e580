/**
 * Traditional → simplified Chinese folding for fingerprints.
 *
 * Copy-paste rings re-post a note in traditional characters so that it no longer matches
 * the simplified original character for character. Folding only has to be a consistent
 * function applied to both sides, not a faithful conversion: several traditional
 * characters may fold to one simplified character (髮/發 → 发), and a few keys are also
 * written in simplified text with another meaning (著, 乾); both sides fold the same way,
 * so the fingerprint is unaffected. No value is itself a key, so one pass is a fixed point.
 *
 * The table covers the frequent characters of everyday writing and of product-review
 * vocabulary (cosmetics, food, electronics, shopping). Each entry is two characters:
 * traditional then simplified. It is hand-written, not generated from OpenCC or Unihan.
 */

const PAIRS = `
這这個个們们來来說说為为會会時时對对過过還还點点發发後后麼么麽么現现開开沒没經经學学
與与見见讓让問问間间長长東东車车動动種种實实樣样關关給给兒儿頭头裡里裏里氣气電电話话
機机體体買买賣卖錢钱價价貨货質质無无當当從从頁页應应該该覺觉並并邊边處处變变義义區区
國国產产業业專专歡欢樂乐灣湾臺台愛爱員员場场題题號号紅红綠绿藍蓝黃黄顏颜膚肤護护聽听
寫写讀读記记認认識识師师隊队農农廠厂廣广慶庆啟启熱热鬆松髮发鬍胡麵面醫医藥药療疗歲岁
滿满幾几許许試试誰谁請请謝谢談谈論论證证議议計计設设訂订評评詞词語语調调講讲譯译貝贝
負负貢贡財财責责貫贯貧贫販贩購购貴贵費费貼贴貸贷資资賓宾賞赏贈赠贊赞讚赞週周單单雙双
歷历曆历縣县鄉乡園园圖图團团圓圆壓压執执報报堅坚塊块壞坏壯壮聲声夢梦夠够奪夺奮奋婦妇
媽妈孫孙寶宝寧宁審审將将尋寻導导層层屬属島岛崗岗巖岩幣币帥帅帶带幫帮廳厅張张強强彈弹
彎弯歸归徑径復复徵征憶忆態态懷怀戰战戲戏擇择擔担據据擴扩擁拥擊击擠挤擬拟擺摆攝摄攜携
敵敌數数斷断晝昼暫暂曬晒術术條条極极構构標标樓楼樹树橋桥檢检權权歐欧殘残殺杀殼壳決决
況况淚泪淨净淺浅湯汤準准溫温滅灭漢汉潔洁濃浓濕湿溼湿災灾烏乌煙烟煩烦燈灯燒烧營营爺爷
牆墙狀状獨独獲获獸兽環环畫画異异癢痒盡尽監监盤盘眾众衆众睏困矯矫碼码確确礎础禮礼禍祸
離离稱称穩稳窮穷竊窃競竞筆笔節节範范築筑簡简簽签籃篮類类糧粮緊紧紀纪約约級级紙纸細细
終终組组結结絕绝絲丝統统綜综網网線线練练縮缩總总績绩織织繞绕繩绳續续罷罢羅罗習习聖圣
聞闻聯联聰聪職职肅肃腦脑腳脚膽胆臉脸臨临興兴舉举舊旧艙舱藝艺蘋苹萬万葉叶著着蓋盖蒼苍
蘇苏甦苏蘭兰蟲虫蠟蜡衛卫衝冲沖冲補补裝装製制複复襯衬規规視视親亲覽览觀观訊讯託托訓训
訪访訴诉診诊註注詳详誇夸誌志誕诞誠诚誤误課课諸诸謀谋謙谦譽誉豐丰豬猪貓猫貪贪貯贮貿贸
賀贺賴赖賺赚贏赢趕赶趨趋跡迹踐践軍军軟软較较輕轻載载輔辅輛辆輪轮輸输轉转辦办辭辞連连
進进遊游運运達达違违遠远適适遲迟選选遺遗郵邮鄰邻釋释針针釣钓鈴铃鉛铅銀银銅铜銷销鋪铺
鋼钢錄录錯错鍋锅鍵键鍾钟鐘钟鐵铁鑰钥門门閃闪閉闭閒闲閱阅闆板陽阳陰阴陳陈陸陆階阶際际
隨随險险隱隐雖虽雜杂雞鸡難难雲云靈灵靜静頂顶項项順顺須须預预頓顿領领頻频額额願愿顧顾
顯显風风飛飞飯饭飲饮飽饱飾饰餅饼養养餘余館馆馬马駕驾騎骑驗验驚惊魚鱼鮮鲜鳥鸟鴨鸭鹽盐
麥麦黨党齊齐齒齿龍龙龜龟嗎吗喚唤嚴严噸吨噴喷囉啰壺壶備备傳传傷伤債债億亿儀仪優优儲储
僅仅偉伟側侧偵侦倉仓倆俩侶侣係系俠侠兩两內内冊册凍冻劃划劇剧劍剑勁劲務务勝胜勞劳勢势
勵励勸劝匯汇協协卻却參参叢丛吳吴啞哑喪丧嘆叹嘗尝圍围塗涂塵尘墊垫墳坟壇坛壽寿夥伙奧奥
妝妆娛娱嬰婴寢寝屆届屍尸峽峡幹干乾干廢废廟庙廚厨龐庞彌弥徹彻恆恒惡恶惱恼慣惯慘惨慮虑
憂忧憑凭戀恋懶懒掃扫掛挂採采揚扬換换損损搖摇搶抢摟搂撐撑撥拨撲扑擋挡擾扰攤摊敗败敘叙
於于昇升晉晋曉晓暈晕書书棗枣棟栋楊杨榮荣槍枪橫横檔档櫃柜欄栏氫氢汙污滬沪漲涨滲渗漁渔
潤润澀涩濾滤瀏浏灑洒爐炉犧牺獎奖瑪玛瓊琼畢毕疊叠瘋疯癒愈皺皱盞盏碩硕磚砖祕秘禦御稅税
穀谷積积窩窝篩筛糾纠紡纺紛纷純纯紮扎絨绒綁绑維维綿绵緒绪編编緩缓縫缝繳缴纖纤罰罚膠胶
膩腻臟脏艷艳豔艳莊庄華华萊莱蔥葱薦荐薑姜蘆芦蝦虾螢萤蠻蛮襪袜訝讶詢询誼谊諾诺謊谎譜谱
豎竖貞贞賬账帳帐贓赃蹤踪躍跃軸轴輯辑遞递鄭郑醬酱釀酿鈣钙鈕钮鋁铝錶表鍊炼鏡镜鑽钻闊阔
隸隶雛雏霧雾韓韩響响頸颈頰颊顆颗颱台檯台餵喂饞馋騙骗髒脏鬥斗鬧闹鮑鲍鵝鹅麗丽黴霉齡龄
褲裤臥卧寵宠簾帘傢家緻致腫肿釐厘鹹咸糰团餃饺檸柠鳳凤飄飘閨闺鏈链艦舰紋纹鎖锁厭厌討讨
彆别別别囑嘱唄呗嬌娇瑩莹潑泼瀉泻癥症膿脓鬱郁灕漓湧涌濱滨遷迁鄧邓醜丑
`;

function parse(spec: string): Map<string, string> {
  const chars = [...spec.replace(/\s+/g, '')];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) {
    if (chars[i] !== chars[i + 1]) map.set(chars[i], chars[i + 1]);
  }
  return map;
}

/** Traditional character → simplified character. */
export const TRAD_TO_SIMP: ReadonlyMap<string, string> = parse(PAIRS);

/** The raw pair list, exposed so tests can check that it parses to whole pairs. */
export const TRAD_SIMP_PAIRS_SPEC: string = PAIRS;

const TRAD_RE = new RegExp(`[${[...TRAD_TO_SIMP.keys()].join('')}]`, 'gu');

/** Fold traditional characters to their simplified form. */
export function foldTraditional(s: string): string {
  TRAD_RE.lastIndex = 0;
  if (!TRAD_RE.test(s)) return s;
  TRAD_RE.lastIndex = 0;
  return s.replace(TRAD_RE, (c) => TRAD_TO_SIMP.get(c) ?? c);
}
