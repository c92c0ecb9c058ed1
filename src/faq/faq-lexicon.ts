/**
 * The domain's synonyms: words people use for the same thing ("材料/证件/文件", "多久/几天/how long",
 * "维护/更新/keep up to date"). Each concept found in a question becomes one feature of its own, so
 * two phrasings that share the meaning but no word still meet. Patterns run on the normalised text
 * (lower case, Simplified, punctuation as spaces). Written from the seed articles, the topics'
 * answers and the development set's misses — never from the held-out set's. A word added for one
 * question can catch another subject: prefer more labelled questions to more entries here.
 */
export const CONCEPTS: Record<string, RegExp> = {
  time: /多久|几天|多长时间|多少天|几个工作日|什么时候|何时|啥时候|how long|how many days|how soon|when will|when do i (?:get|hear|receive)|hear back|earliest|how quickly|\bexpect (?:a )?(?:decision|result|answer)|how much time|\bdays?\b|\bwait(?:ing)?\b|turnaround|processing time/,
  /** How long before applying again: a question of resubmitting, not of review time. */
  cooldown:
    /(?:重新|再).{0,6}(?:等多久|要等|多久)|wait(?:ing)? before (?:trying|applying|reapplying|resubmitting|i can)|cool ?down|waiting period/,
  /** Days review may not run on: a question of ours only beside our words ("礼拜天有人审吗"), never alone ("明天放假吗"). */
  daysOff: /放假|节假日|假期|周末|礼拜[天六日]|星期[天六日]|工作日|\bholidays?\b|\bweek ?(?:ends?|days?)\b/,
  update:
    /法人.{0,2}(?:换|变)|new legal rep|legal rep(?:resentative)? (?:has )?changed|维护(?:个人)?(?:信息|资料)|(?:信息|资料).{0,4}维护|定期|更新|变更|变了|换号|换了|更换|保持|[改换](?:手机|邮箱|电话|号码|法人)|改名|改了名字|keep (?:\w+ )?(?:up to date|current)|different now|(?<!any )\bupdat|\bmaintain|\bchanged\b|\bchang(?:e|ing) (?:my |the )?(?:phone|email|mobile|number|address)|\bnew (?:phone|email|number|address|legal|owner|sim)|sim card|换了?手机卡/,
  format:
    /格式|扫描件|\bscan(?:ned)?\b|大小|(?<!今年|你|您)多大(?!岁|年纪)|mb\b|兆|像素|分辨率|jpg|jpeg|png|pdf|\bformat|\bsize\b|\bresolution|\bpixels?\b|file type/,
  document: /材料|证件|文件|资料|证明|身份证明|\bdocuments?\b|\bdocs?\b|\bpapers?\b|\bmaterials?\b/,
  rejected:
    /(?:认证|审核)不成功|不符合要求|拒绝|驳回|不通过|没通过|未通过|没过|被拒|(?<!上传.{0,3})失败|\breject|\bfail(?:ed|ure)?\b|\bdeclin|\bdenied|didn t pass|not (?:be |get |being )?approved|(?:doesn t|don t|didn t|won t|not) go through|(?:wasn|weren|isn|hasn|didn) t (?:i |we |it |my \w+ )?(?:been |get )?(?:approved|accepted|pass)/,
  notice: /通知|短信|简讯|邮件|消息|邮箱里|收件箱|\binbox\b|\bnotif|\bsms\b|\bemails?\b|\bmessages?\b|\btext message/,
  delete: /删除|get rid of|\bwipe|抹掉|清空|(?<![被已])注销|清除|删掉|删了|全删|删光|销户|\bdelet|\bremov|\berase|\bclose my/,
  photo: /照片|图片|相片|拍照|\bphotos?\b|\bpictures?\b|\bimages?\b|\bpics?\b/,
  wrong:
    /错了|发错|传错|弄错|弄反|正反面.{0,2}反|错误的|不小心|by mistake|by accident|accidentally|(?:front|back)(?: side)? twice|\bwrong\b|\bmistaken|放反|搞反|反了|same side|(?:upload|sent|attach|submitt?)\w* (?:\w+ ){0,3}instead of/,
  status:
    /状态|审核好了|审好了|进度|到哪|进展|好了没|完了没|出来没|(?<!(?:doesn t|don t|didn t|won t|not) )\bgo through\b|进行得|\bany update|\btrack|审完了吗|结果出来了吗|(?:been |get |got )processed|(?:认证|审核|申请).{0,3}(?:过了吗|通过了吗|通过没有|通过了没|过没有)|知道.{0,6}通过(?:没|了吗)|where (?:\w+ ){0,3}stands\b|处理到|处理完了吗|reviewing (?:it|mine)|过了没|过没过|where my application is|check (?:on )?(?:where )?my application|\bdone yet|\bfinished yet|\bstatus|\bprogress|looked at/,
  change:
    /修改|更改|更正|修正|订正|mistake in (?:the |my )?(?:form|application|submission)|改一下|改正|能改|可以改|改资料|改信息|填错|写错|输错|打错|\btypos?\b|\bedit|\bmodif|\bcorrect/,
  approved: /通过|批准|\bapprov|\bpass(?:ed)?\b/,
  submitted: /提交|递交|送出|\bsubmit/,
  again:
    /how many (?:tries|attempts|chances|goes)|\bgo again|还能(?:再)?申请|还可以(?:再)?申请|能不能再申请|\bnew application|还有机会|(?:send|do|file) (?:it |this )?again|重新|再次|再申请|再来|重来|once more|(?:another|second) (?:chance|try|go|attempt)|\bcap on|\bmax(?:imum)? (?:number|times)|再认证|再试|再交|再提交|再传|再.一次|重复|几次|次数|\bhow many times|\blimit on|(?:apply|applying|try|submit|verify|do it) again|\bre ?apply|\bresubmi|\bretry/,
  fake: /虚假|冒名|被发现|假的|假信息|假证|(?:banned|封号|封禁).{0,20}(?:information|info|信息|资料)|(?:information|info|信息|资料).{0,20}(?:banned|封号|封禁)|假资料|造假|冒用|别人的|他人|朋友的?身份证|家人的?身份证|乱写|乱填|\blying\b|made up|make up|\binvent|编造|捏造|随便编|编个|故意填错|故意写错|\bdeliberately|on purpose|\b(?:dad|mom|father|mother|parent|friend|brother|sister|cousin|uncle|aunt|wife|husband|son|daughter|boss|colleague) s\b|\bfake\b|\bfalse\b|\blie\b|someone else s|friend s|(?:aren t|isn t|not) true\b|\buntrue/,
  foreign:
    /护照|外国|外籍|境外|港澳|香港|澳门|台湾|台胞|海外|大陆身份证|\bmainland|not from (?:mainland )?china|outside (?:of )?(?:mainland )?china|不是中国(?:人|籍)|非中国|hong kong|macau|taiwan|international id|\bpassport|\bforeign|non chinese|\bnot (?:a )?chinese|外国人|\bforeigners?|driver s licen/,
  legalRep: /法人|法定代表人|\blegal rep/,
  idNumber: /身份证号|证件号|身份证号码|\bid (?:card )?number|\bid no\b/,
  official:
    /官方|announce|官网|公告|公布|公众号|微博|最新动态|post(?:s|ed)? updates|\bofficial|发布|\bpublish|\bannouncement|official website|\bweibo/,
  why: /为什么|为啥|为何|怎么会|凭什么|咋回事|怎么回事|\bwhy\b|how come/,
  meaning:
    /什么意思|\breasons? (?:given|listed|stated|shown)|驳回理由|拒绝理由|驳回原因|拒绝原因|\bconfus|看不懂|不明白|不理解|don t understand|是指|指什么|指的是|是说什么|说的是|意思是|啥意思|\bmean(?:s|ing)?\b|\bexplain|\brejection reason|reason they gave|(?:don t|dont) (?:get|understand) (?:my |the )?(?:rejection )?reason/,
  creditCode: /信用代码|社会信用|uscc|credit code/,
  benefit:
    /好处|skip verif|miss out|对我有.{0,2}(?:帮助|用|好处)|能带来|用处|优势|特权|权限|有什么用|不认证|\bbenefit|\badvantage|\bperks?\b|worth it|\brewards?\b|\bunlock|reasons? to (?:get )?verif|\bupside|\bgain\b|有什么意义|有啥意义|what s the point|\bpoint of (?:verif|getting)|(?:认证|验证)(?:之?后|完)?.{0,3}(?:有啥|有什么)(?:不一样|差别|变化)|verif\w* (?:give|offer|get)s? (?:me|you|us)\b|认证.{0,3}(?:可以|能)做什么|得到啥|得到什么|anything extra|what do i get|why bother|verif\w* (?:really |actually )?(?:necessary|needed|mandatory)|(?:really|actually) (?:need|have) to (?:get )?verif|必须(?:要|得)?认证|非(?:要|得)认证|一定(?:要|得)认证|是不是必须|\b(?:mandatory|compulsory|obligatory)\b|^(?:do|must|should) (?:i|we) (?:really |still |even )?(?:need to |have to )?(?:get |be )?verif\w*(?: (?:to use|at all|first|before|in order)\b|$)|不认证(?:行不行|可以吗|行吗)|\bbother (?:getting|to)|what for\b|without verif|多用|更多功能|哪些功能|\bfeatures?\b|不做认证|影响使用|(?:为什么|为啥|为何)(?:要|非得|非要|必须|一定要).{0,2}(?:实名|认证)|why (?:(?:do|should|must|would) (?:i|we) (?:want to |need to )?)?(?:get |be |become )?verif/,
  support:
    /客服|人工|真人|联系你们|(?<!(?:you|we|they|it) )\bsupport\b|(?:a|real) human\b|^human\b|human please|human (?:agent|support|being)|\bagent\b|customer service|real person|(?:talk|speak) to (?:a |an )?(?:person|someone|human)|person i can (?:talk|speak) to|找谁帮忙|(?:anyone|someone|number) (?:i can |to )?call\b|热线|who (?:do|can|should) i (?:contact|ask|call|reach)|(?:someone|anyone|somebody|anybody)(?: \w+){0,3} (?:talk|speak|contact|chat) (?:to|with)?/,
  waiting: /还没|没结果|没消息|没动静|一直没|没反应|天了|still no|haven t heard|no response|no news|no answer yet/,
  technical:
    /系统维护|\bfreez|\bisn t working|网路|当机|按钮|点不了|点了没反应|\bbuttons?\b|在维护|维护中|出问题|坏了|故障|\bbug|\bbroken|not working|\bmaintenance|上传.{0,5}失败|上传(?:失败|不了|不上|不成功)|网络|打不开|(?:网页|页面|系统|网站).{0,3}错误|卡住|崩溃|报错|加载|传不上|\bupload(?:s|ing)? (?:fail|keeps|doesn t|won t|error|stuck)|can t upload|\bnetwork|not loading|won t load|加载不出|\b(?:site|system|service|server|app) (?:is )?(?:down|broken)|\bcrash|\berror\b|\bloading|(?<!(?:photo|picture|image|pic) )\bkeeps? failing(?! verif)|转圈|闪退|没有?反应|反应都没有|白屏|white screen|blank (?:page|screen)|崩了|(?:page|screen|app|site|button)s? (?:is |got |gets |keeps )?(?:stuck|frozen)|一直不动/,
  privacy:
    /谁能看|能看到我的|哪些人能看|看得到我的|shared with|how long (?:is|are|do you keep) (?:my )?(?:data|info|information|documents|photos)|第三方|third part|\bsell (?:my|our)|卖.{0,3}(?:数据|资料|信息)|\bsell (?:\w+ )?data|leave your (?:company|hands|servers)|谁看|别人看|给别人|安全吗|存多久|存储|\bview my|who has access|access to my|泄露|保存多久|保留多久|留多久|keep (?:my )?(?:data|documents|photos|info)|隐私|\bwho (?:can )?sees?\b|\bsafe\b|\bprivacy|\bkept\b|\bretain|\bretention|留着|保存多长|存多长|放心|靠谱|\btrust|\bsecurity|\bsecure|\bencrypt|加密|存在哪|存哪|保存在|保护|\bprotect|\bkeep my|\bstored?\b|\bleak|\bshare my|\bmy data\b|shared? w(?:ith)? anyone|who can access|\bother people (?:get to |can )?see|\bstaff (?:can |get to )?(?:see|look)|\b(?:see|look at) my (?:id|photos?|pictures?|documents?)/,
  recover:
    /找回|which email|what email|哪个邮箱|找不回|忘记|忘了|记不得|记不清|想不起|\bforgot|\brecover|can t remember|can ?t recall|\blost access|lost track of (?:my |the )?(?:sign ?up |registration )?e ?mail|(?:what|which) (?:e ?)?mail (?:address )?i (?:used|signed|registered)|which of my emails/,
  licence: /营业执照|执照|business licen[cs]e/,
  steps:
    /步骤|怎么走|刚注册|先.{1,6}还是先|顺序|先干嘛|先做什么|流程|过程|\bgo about|\binvolved|第一步|从哪|怎么弄|认证要?(?:怎么|如何)(?:做|弄|办)|(?:怎么|如何)(?:做|完成|进行)认证|\bsteps?\b|become (?:a )?verified|\bjust signed up|\bjust registered|what s next|\bnext steps?\b|\bnew user|实名.{0,3}(?:怎么|如何)|\bprocess\b|walk me through|\bprocedure|what do i do to (?:get |become )?verif|\bnew here\b|where do i (?:start|begin)|where to (?:start|begin)|从哪(?:开始|下手)|接下来|要做哪些|what do i (?:need|have) to do|\bhow (?:to|do i|can i) (?:get )?verif/,
  replacePhoto:
    /发成|传成|拍成|传反|发反|拍反|换一张|换照片|重新上传|\bswap|\breplace (?:the |a |my )?(?:photo|picture|image)|\bre ?upload/,
  notMe:
    /不是我|不是法人|员工|老板(?![换变])|代替|代表公司|\bon behalf|\bemployee|\bassistant|\bmy boss|\bnot the legal|instead of (?:the |my )?(?:owner|boss|legal)/,
  method:
    /方式|方法|途径|办法|渠道|几种|哪种|区别|不同|差别|\bmethods?\b|\bways?\b|\boptions? (?:for|to)|(?:verif\w*|which|what|my|other) options?|\bkinds?\b|\btypes?\b|\bdifferen|\bvs\b|versus|\bbesides\b|\binstead of\b|用手机|手机号.{0,3}认证|(?:with|using|by) (?:my )?(?:mobile|phone)/,
  quality: /注意什么|要注意|模糊|清晰|清楚|反光|黑白|彩色|复印|\bblurr?y|\bclear\b|\bglare|\bcolou?r|black and white|\bphotocop/,
  needs:
    /要交|要提供|提供什么|\bprovide|交什么|要带|需要什么|准备什么|要准备|what do i need|need to (?:upload|prepare|bring|send)|what (?:do i|should i) (?:upload|prepare|bring)|\bneed anything (?:else|besides|other)|还要.{0,5}吗|paperwork|两面都|正反面都要|both sides|(?:front|back) (?:as well|too)\b|need the (?:back|front)/,
  accountState:
    /(?:账号|帐号|账户|帐户|\bacc?ount).{0,6}(?:封|停用|禁用|冻结|异常|suspend|disabl|lock|ban|cancel|closed|restrict|deactivat|frozen|freez)|(?:已|被)注销|封号|号.{0,3}(?:停用|冻结|封了|被封|限制)|(?:账号|帐号|账户|帐户).{0,6}限制|登不上|登录不了|登陆不了|登不进|can t (?:log|sign) ?in|unable to (?:log|sign) ?in|locked out/,
};

/**
 * Words that place a question in this domain at all. A question with none of them and no concept
 * ("怎么做红烧肉", "what time is it") is not ours, however its words happen to overlap.
 */
const DOMAIN = new RegExp(
  [
    "认证|审核|审|申请|账号|帐号|账户|号被|实名|身份|证|客服|投诉|照片|邮箱|手机|方式|企业|公司|法人|执照|代码|工作日|信息|资料|填|(?<![放休请度暑寒])假(?![期日])|结果|通知|系统|网站|挂了|",
    "verif|review|appl|account|\\bid\\b|identity|support|photo|method|email|phone|company|business|licen|code|eligible|reason|",
    "info|fake|result|status|notif|site|system|upload|document|submit|reject|approv",
  ].join(""),
);

/**
 * Other subjects that borrow the domain's words ("我想买手机", "怎么申请信用卡", "my phone screen is
 * broken", "公司附近有什么好吃的"): unless the question also names verification or review itself, it is
 * not ours.
 */
const OTHER_SUBJECTS = new RegExp(
  [
    // shopping, food and deliveries
    "买|购|好吃|附近|\\bnear me\\b|餐厅|外卖|快递|包裹|订单|发货|物流|聚餐|奶茶|咖啡|火锅|蛋糕|点餐|配送|\\bbuy|\\bshop|\\bbest (?:\\w+ )?(?:phone|laptop|camera|tablet|headphones|earbuds)\\b|\\brestaurant|\\bfood\\b|\\bparcel|\\bpackage\\b|\\bshipping\\b|\\bdelivery\\b|\\bstore (?:close|open)|\\bamazon\\b",
    // money
    "信用卡|银行卡|贷款|银行账户|银行开户|开户|credit card|\\bloan\\b|\\bmortgage|bank account|\\b(?:savings|checking|brokerage|trading|investment|retirement|joint) account|\\btax (?:return|refund)|\\bgdp\\b",
    // devices
    "屏幕|内存|电池|充电|充不进电|没电|洗衣机|耳机|路由器|蓝牙|冰箱|空调|电视|(?:phone|laptop|cracked|broken|tv) screen|screen (?:is )?(?:cracked|broken|replacement)|\\bbattery|\\bwifi|\\bmouse\\b|\\bkeyboard|\\bprinter|(?:phone|data|mobile) (?:plan|contract|bill)|\\bspeakers?\\b|音箱|\\bmonitor\\b|显示器|apple id|\\bwashing machine|\\bhead ?phones?|\\bear ?(?:phones?|buds)|\\bairpods|\\brouter\\b|\\bbluetooth|\\bvpn\\b|\\bfridge|\\btv\\b|\\bcar\\b|jump start|欠费|话费|携号转网|(?:号码|手机号).{0,3}转给|\\b(?:update|upgrade|reinstall|reset|restart|charge|fix) (?:my )?(?:iphone|ipad|android|laptop|computer|pc|mac|windows|macos|ios)\\b|\\b(?:phone|iphone|ipad|laptop|computer|pc|mac) (?:keeps |is )?(?:restarting|rebooting|overheating|shutting down)",
    // work
    "团建|报销|请假|年假|加班费|工资条|年会|辞职|离职|\\bjob (?:at|application|interview)|apply for (?:a )?job",
    // the errands and events of life
    "签证|出国|留学|移民|\\bvisa\\b|\\bimmigra|\\bstudy abroad|\\bembassy|护照.{0,4}(?:过期|续)|考驾照|驾照.{0,2}(?:到期|过期|换证|续|年审|扣分)|换驾照|get a driver s licen|renew (?:my |a )?driver|租房|房租|报名|考研|高考|考试|上学|入学|幼儿园|户口|结婚(?:证|登记|手续|需要|要带|要准备)|离婚|怀孕|生孩子|房产证|社保卡|医保|公积金|居住证|出生证|过户|注册公司|公司注册|公司(?:怎么|如何|要|去哪)注册|(?:怎么|如何|去哪)注册(?:个|一个|一家)?公司|开公司|\\bincorporat|register (?:a |my )?(?:new )?company in|small business have|\\bexams?\\b|\\benrol|\\bschool\\b|\\bkindergarten|\\bmarriage|\\bwedding|\\bdivorce|\\bpregnan|birth certificate|social security|\\bpension|library card",
    // leisure and general knowledge
    "旅游|去哪玩|去哪好|\\bwhat (?:day|date) is\\b|christmas|thanksgiving|\\beaster\\b|几月几[号日]|帮我写|\\bwrite (?:me )?(?:a |an |some |my )?(?:code|essay|poem|story|letter|song|resume|cover letter|report)|recover (?:a |my )?deleted|恢复(?:已)?删除|email signature|check my (?:e ?mail )?inbox|学英语|learn english|\\bfavou?rite|best \\w+ 20\\d\\d|\\bsky\\b|who invented",
  ].join("|"),
);
/**
 * Getting a document issued ("小孩办身份证", "营业执照怎么办理", "renew my passport"): an errand at the office that
 * issues it, not ours — we verify documents, we do not issue them.
 */
const ISSUED =
  "(?:身份证|护照|营业执照|执照|签证|驾照|驾驶证|户口本?|社保卡|医保卡|居住证|通行证|结婚证|银行卡|id card|passport|driver s licen[cs]e|business licen[cs]e|visa)";
const ISSUING = new RegExp(
  `(?:办|办理|补办|申领|换领|申请)(?:个|张|一个|一张|新的?)?${ISSUED}|(?<![用拿凭])${ISSUED}.{0,6}(?:办理|补办|申领|申请|在哪办|去哪办|网上办|可以.{0,4}办|能.{0,2}办|怎么换|换新)|\\b(?:get|apply for|renew|replace|issue)(?: a| my| new| the)* ${ISSUED}(?! (?:photo|picture|image|scan))`,
);
const CORE = /认证|审核|实名|驳回|verif|review|reject|approv/;
/**
 * Other businesses' apps — social, shops, payments, rides, streaming. Named without verification or review
 * ("我想在淘宝买东西"), the question is another subject's.
 */
const APP_NAMES =
  "instagram|facebook|tiktok|youtube|linkedin|discord|steam|whatsapp|snapchat|reddit|paypal|amazon|ebay|uber|lyft|airbnb|netflix|spotify|twitch|bumble|tinder|etsy|shopify|coinbase|binance|venmo|pinterest";
const CHINESE_APP_NAMES = "抖音|快手|小红书|支付宝|淘宝|京东|拼多多|美团|滴滴|饿了么|哔哩哔哩|闲鱼|携程|知乎|豆瓣";
const APPS = new RegExp(`\\b(?:${APP_NAMES})\\b|${CHINESE_APP_NAMES}`);
/**
 * Verification elsewhere ("how do i verify my gmail account", "抖音实名认证在哪里", "学历认证"): another
 * service's — an app's, or a mail, messaging or social service's. Named alone ("the result email went to my
 * gmail", "官方微博是哪个"), the latter may still be part of a question of ours; an app is not (`APPS`), unless
 * the question also names verification or review (then it is matched as any other question).
 */
const SERVICE = `(?:${APP_NAMES}|gmail|outlook|hotmail|yahoo|twitter|google account|apple id|hinge|github|patreon|quora|threads|bluesky|mastodon)`;
const CHINESE_SERVICE = `(?:${CHINESE_APP_NAMES}|微信|微博|b站|学信网|12306|钉钉|飞书|qq)`;
/** Who else gets verified, somewhere else: a rider, a seller, a driving licence, a degree ("美团骑手怎么实名认证", "驾照认证", "verified seller"). */
const OTHER_ROLE =
  "(?:骑手|商家|店铺|卖家|买家|司机|车主|车辆|主播|达人|创作者|学生|学籍|驾照|驾驶证|房产|职称|资格证|教师资格|医师|律师|[蓝黄大加]v)";
const OTHER_SERVICES = new RegExp(
  `(?:delete|remove|deactivate|cancel|close|rename|reset)(?: my| the| a)? ${SERVICE}\\b|${SERVICE} (?:user ?name|password|handle|display name)|${CHINESE_SERVICE}.{0,4}(?:改名|名字|昵称|头像|密码|注销|删除|转账|开通|直播|涨粉)|\\b${SERVICE}\\b.*\\bverif|\\bverif.*\\b${SERVICE}\\b|${CHINESE_SERVICE}(?:账号|帐号|上|里)?${OTHER_ROLE}?(?:怎么|如何|要|的)?(?:实名|认证)|${OTHER_ROLE}(?:的|怎么|如何|要|在哪)?(?:实名|认证)|学历|verified (?:seller|buyer|driver|host|creator)|(?:seller|driver|student|creator|host) verif`,
);

/**
 * Concepts that say what kind of question it is, not what it is about ("什么意思", "why", "周末"):
 * alone they place no question in the domain ("what is the meaning of life", "明天放假吗").
 */
const CUES = new Set(["daysOff", "meaning", "why"]);

export function mentionsDomain(normalized: string): boolean {
  return !namesOtherSubject(normalized) && (DOMAIN.test(normalized) || conceptsIn(normalized).some((concept) => !CUES.has(concept)));
}

/** A question about another subject that borrows the domain's words: not ours, however close its wording. */
export function namesOtherSubject(normalized: string): boolean {
  return (
    OTHER_SERVICES.test(normalized) ||
    ((OTHER_SUBJECTS.test(normalized) || ISSUING.test(normalized) || APPS.test(normalized)) && !CORE.test(normalized))
  );
}

/** The concepts a normalised question mentions. */
export function conceptsIn(normalized: string): string[] {
  return Object.entries(CONCEPTS).flatMap(([concept, pattern]) => (pattern.test(normalized) ? [concept] : []));
}
