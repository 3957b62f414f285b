import { GRAPH_PROBLEM_MESSAGES } from '../../../rules-schema/graph-problem-messages.js';
/** 简体中文（默认）。运营同学看到的每一句话都在这里。 */
export const zhCN = {
  app: { language: '界面语言' },
  tabs: { flows: '自动回复流程', groups: '关键词组', policy: '合规策略' },
  role: { admin: '管理员', editor: '编辑', runtime: '运行时', viewer: '只读' },
  common: {
    cancel: '取消', close: '关闭', delete: '删除', confirmDelete: '确定删除', remove: '移除', loading: '正在加载…',
    enabled: '启用', disabled: '已停用', yes: '是', no: '否', moveUp: '上移', moveDown: '下移',
  },
  signIn: {
    title: '登录', intro: '请输入访问令牌。首次启动时，服务会打印一个登录链接，点开即可自动登录。', token: '访问令牌',
    submit: '登录', bad: '令牌无效，请检查后重试。', expired: '登录已失效，请重新登录。', failed: '无法登录：{{message}}',
    hint: '令牌只保存在本机浏览器中。', signOut: '退出登录',
  },
  doc: { saved: '已保存', unsaved: '有未保存的修改', notPublished: '未发布', publishedV: '已发布 v{{version}}', draft: '草稿', new: '（新建，未保存）' },
  flows: { title: '流程', create: '新建', newName: '新流程名称', empty: '请在左侧选择或新建一个流程。' },
  flow: { settings: '流程设置', name: '流程名称', description: '说明', enabled: '启用此流程' },
  palette: { title: '节点', help: '把节点拖到画布上，或点击直接添加。' },
  kind: { trigger: '触发', keywordGroup: '关键词组', condition: '条件判断', reply: '回复消息', handoff: '转人工', recordTag: '打标签', followUp: '追问' },
  kindHint: {
    trigger: '流程从这里开始：收到哪些消息或事件时运行',
    keywordGroup: '用户的话命中这组关键词时走“命中”，否则走“未命中”',
    condition: '按窗口、已回复条数、用户标签等分支',
    reply: '发送一条或几条客服消息',
    handoff: '交给人工客服处理',
    recordTag: '给用户打上标签',
    followUp: '再问用户一句（也算一条消息）',
  },
  handle: { match: '命中', else: '未命中', true: '满足', false: '不满足' },
  toolbar: {
    label: '流程工具栏', undo: '撤销', redo: '重做', layout: '自动排列', fit: '适应画面', export: '导出', import: '导入',
    history: '历史版本', deleteFlow: '删除流程', save: '保存', publish: '发布',
  },
  properties: {
    title: '属性', many: '已选中 {{count}} 个节点', manyHint: '可按 Ctrl+C 复制、Ctrl+V 粘贴、Delete 删除。', none: '点击画布上的节点即可编辑它。',
    next: '下一步', pickNext: '连接到…', connectTo: '连接“{{handle}}”到', endOfPath: '转人工后流程结束，不再连接下一步。',
  },
  trigger: {
    any: '任何消息', messageTypes: '用户发来的消息类型', events: '事件', menuKeys: '菜单项 Key', menuKey: '菜单',
    onlyIfUnmatched: '仅当其他流程都没有命中时运行', help: '一个流程可以有多个触发节点。菜单点击请勾选“菜单点击”并填写菜单 Key。',
  },
  messageType: { text: '文字', image: '图片', voice: '语音', video: '视频', shortvideo: '小视频', location: '位置', link: '链接', event: '事件' },
  event: {
    subscribe: '关注', unsubscribe: '取消关注', SCAN: '扫码（已关注）', CLICK: '菜单点击', VIEW: '菜单跳转网页', LOCATION: '上报位置',
    scancode_push: '扫码推事件', scancode_waitmsg: '扫码等待消息', pic_sysphoto: '拍照发图', pic_photo_or_album: '拍照或相册发图',
    pic_weixin: '微信相册发图', location_select: '选择位置', view_miniprogram: '打开小程序',
  },
  keywordGroup: {
    pick: '使用哪个关键词组', none: '（未选择关键词组）', newName: '新关键词组名称，例如 退款', create: '新建关键词组',
    help: '把同一个意思的各种说法放进一个组，比如“退款、退货、退钱”，用户说哪一个都能命中。',
  },
  keywords: {
    label: '关键词', placeholder: '输入后回车；可一次粘贴多个', pasteHint: '支持一次粘贴多个：用换行、逗号、顿号（、）或空格分隔，重复的会自动跳过。',
    groupName: '组名', mode: '匹配方式', exclusions: '排除词（出现这些词时不算命中）', alsoIn: '也在关键词组「{{groups}}」中',
    duplicatesSummary: '有 {{count}} 个关键词同时出现在其他关键词组中，用户说这些词时会命中多个组。', saveGroup: '保存关键词组', publishGroup: '发布关键词组',
  },
  matchMode: { contains: '包含即可', exact: '完全一致', fuzzy: '模糊（忽略中间的语气词）', regex: '正则表达式（高级）' },
  chips: { placeholder: '输入后回车', remove: '移除 {{value}}', skipped: '已跳过重复：{{values}}' },
  condition: {
    add: '添加条件', fact: '判断什么', operator: '怎么比', value: '值', topic: '关键词组', pickTopic: '选择关键词组',
    inHours: '在营业时间内', outOfHours: '不在营业时间内', help: '满足时走“满足”出口，否则走“不满足”出口。',
    match: { label: '多个条件时', all: '全部满足', any: '满足任意一个' },
  },
  fact: {
    windowState: '互动窗口状态', repliesSinceInteraction: '本次互动已回复条数', quotaLeft: '剩余可发条数', userTags: '用户标签',
    withinBusinessHours: '营业时间', messageType: '消息类型', topicCount: '该话题被问次数',
  },
  operator: {
    equal: '等于', notEqual: '不等于', in: '是其中之一', notIn: '不是其中之一', contains: '包含', doesNotContain: '不包含',
    lessThan: '小于', lessThanInclusive: '不超过', greaterThan: '大于', greaterThanInclusive: '至少',
  },
  conditionValue: {
    windowState: { open: '窗口开启中', closing: '窗口即将关闭', expired: '窗口已过期', none: '没有互动记录', unsubscribed: '已取消关注' },
  },
  reply: {
    mode: { label: '发送方式', all: '按顺序全部发送', random: '随机发送其中一条' },
    number: '第 {{n}} 条', add: '再加一条消息', type: '消息类型', content: '回复内容', insertNickname: '插入昵称', empty: '（空）',
    mediaId: '素材 ID（media_id）', mediaHint: '先在公众号后台上传素材，再把素材 ID 填在这里。', title: '标题', description: '描述',
    thumbMediaId: '缩略图素材 ID', url: '跳转链接', picUrl: '封面图片链接', newsHint: '客服消息里的图文只能放一篇，链接需是公众号文章或白名单内的网址。',
    appId: '小程序 AppID', pagePath: '小程序页面路径', headContent: '开头文字', tailContent: '结尾文字', menuItems: '菜单选项',
    menuItem: '选项 {{n}}', addMenuItem: '添加选项', costHint: '这个节点会连续发送 {{n}} 条消息。',
  },
  replyType: { text: '文字', image: '图片', voice: '语音', video: '视频', news: '图文（外链）', mpnews: '图文（公众号素材）', miniprogrampage: '小程序卡片', msgmenu: '菜单消息' },
  handoff: { queue: '转给哪个客服组', queuePlaceholder: '留空则任意客服', reason: '转人工原因（客服能看到）', help: '转人工后，自动回复不再继续。', toQueue: '转给：{{queue}}', anyAgent: '转给任意客服' },
  recordTag: { tags: '标签', help: '标签可用于后面的条件判断，也方便客服了解用户。', summary: '打标签：{{tags}}' },
  followUp: { question: '追问内容', help: '追问也算一条客服消息，会计入回复条数。' },
  lint: {
    checking: '正在检查…', unavailable: '合规检查暂时不可用，保存前请人工确认内容。', preview: '检查结果标注',
    verdict: { allow: '✅ 内容合规', warn: '⚠️ 有需要注意的地方', block: '⛔ 这条消息会被拦截' },
  },
  severity: { block: '拦截', warn: '提醒' },
  cost: {
    badge: '累计 {{total}} 条 · 建议 ≤{{limit}} · 上限 {{grant}}',
    title: '走到这里最多已发送 {{total}} 条消息。礼貌上限 {{limit}} 条，平台配额 {{grant}} 条。',
    explain: '每条回复路径最多发送的消息数会显示在节点上：平台配额为 {{grant}} 条，本账号礼貌上限为 {{limit}} 条，超出会被标红。',
  },
  problems: {
    title: '问题', count: '{{errors}} 个错误，{{warnings}} 个提醒', none: '没有发现问题。', schema: '格式错误 {{path}}：{{message}}',
    ...GRAPH_PROBLEM_MESSAGES['zh-CN'],
  },
  connect: {
    self: '不能连接到自己', intoTrigger: '触发节点是流程的起点，不能有连线进入', noOutput: '转人工之后流程就结束了', badHandle: '这个出口不存在',
    duplicate: '这条连线已经存在', cycle: '这样连会形成循环', unknown: '无法连接',
  },
  confirm: {
    title: '请确认', deleteSelection: '确定删除选中的 {{nodes}} 个节点和 {{edges}} 条连线吗？', deleteNodes: '确定删除选中的 {{count}} 个节点吗？',
    deleteFlow: '确定删除流程「{{name}}」吗？已发布的版本也会停止使用。', deleteGroups: '确定删除 {{count}} 个关键词组吗？', discard: '当前流程有未保存的修改，确定放弃吗？',
  },
  conflict: {
    title: '别人也改了这个文档', body: '「{{name}}」在你编辑期间已被其他人保存。你的修改还在，没有丢失。请选择：',
    theirsHint: '载入对方的版本：放弃你的修改，看到最新内容。', mineHint: '继续编辑我的：保留你的修改，下次保存会覆盖对方的修改。',
    reloadTheirs: '载入对方的版本', keepMine: '继续编辑我的',
  },
  save: { done: '已保存', failed: '「{{name}}」保存失败：' },
  publish: {
    title: '发布「{{name}}」', note: '发布说明', notePlaceholder: '例如：新增退款自动回复', confirm: '发布', defaultNote: '编辑器发布',
    done: '已发布为 v{{version}}', failed: '发布失败：', blocked: '还有 {{count}} 个错误，修正后才能发布',
    gate: {
      intro: '有 {{count}} 个测试场景没有通过。发布后，这些情况会按新规则发生：', step: '第 {{step}} 步', more: '还有 {{count}} 条…',
      hint: '建议先修正规则，或在场景库里更新场景的预期。确有必要时，可以填写原因后强制发布。',
      note: '强制发布的原因（必填）', notePlaceholder: '例如：活动今晚上线，场景明天更新', override: '强制发布',
    },
  },
  history: {
    title: '「{{name}}」的历史版本', none: '还没有发布过。', diffLegend: '与 v{{version}} 相比，当前草稿的变化（+ 新增，- 删除）', same: '与当前草稿相同',
    rollback: '回滚到 v{{version}}', rollbackNote: '回滚到 v{{version}}', rolledBack: '已回滚到 v{{version}}（新版本 v{{newVersion}}）',
  },
  file: { invalid: '文件不是有效的流程：{{problems}}', imported: '已导入，请检查后保存' },
  groups: {
    filter: '按名称或关键词筛选', importCsv: '导入 CSV', exportCsv: '导出 CSV', saveAll: '保存全部修改', selected: '已选 {{count}} 个',
    bulkMode: '批量修改匹配方式', enable: '批量启用', disable: '批量停用', publishSelected: '批量发布', selectAll: '全选',
    col: { name: '名称', keywords: '关键词', mode: '匹配方式', status: '状态', published: '发布' },
    dups: '{{count}} 个重复', dupTitle: '有关键词同时出现在其他组', empty: '没有关键词组。', imported: '导入完成：新建 {{created}} 个，更新 {{updated}} 个，跳过的行：{{skipped}}',
  },
  policy: {
    none: '还没有合规策略。', create: '创建合规策略', defaultName: '默认策略', window: '互动窗口（平台规则）', interaction: '用户动作',
    quota: '可发条数', minutes: '有效分钟数', margin: '临近过期提醒（分钟）', nonOpening: '不开启窗口的菜单 Key（如“联系客服”）',
    grant: { message: '用户发消息', menuClick: '点击菜单', subscribe: '关注', scan: '扫码' },
    etiquette: '回复礼仪', maxReplies: '每次互动最多回复条数', duplicates: '相同内容多少分钟内不重复发送', promotions: '每个窗口最多推广条数',
    maxTextBytes: '文字最长字节数', maxArticles: '图文最多篇数', links: '链接白名单', linksHint: '微信官方域名总是允许；这里添加的域名（含子域名）也允许出现在回复中。',
    checks: '内容检查项', severity: '处理方式', defaultSeverity: '默认', lexicons: '词库',
  },
  check: {
    WINDOW_NONE: '没有互动记录', WINDOW_EXPIRED: '互动窗口已过期', WINDOW_CLOSING: '窗口即将关闭', USER_UNSUBSCRIBED: '用户已取消关注',
    QUOTA_EXHAUSTED: '可发条数已用完', FREQUENCY_LIMIT: '回复过于频繁', DUPLICATE_REPLY: '重复发送相同内容', EXTERNAL_LINK: '外部链接',
    MARKETPLACE_CODE: '电商口令（淘口令等）', INDUCED_SHARING: '诱导分享', PROMOTION: '促销内容', OVER_MARKETING: '过度营销',
    ABSOLUTE_TERM: '广告法极限词', BANNED_TERM: '违禁词', MEDICAL_CLAIM: '医疗功效宣称', UNSUPPORTED_TYPE: '不支持的消息类型', CONTENT_TOO_LONG: '内容过长',
  },
  lexicon: {
    search: '搜索词语', add: '新建词库', newName: '新词库', name: '词库名称', category: '类别', termCount: '{{count}} 个词',
    pasteTerms: '粘贴词语，可用换行、逗号或顿号分隔', addTerms: '添加', inherit: '随词库', exclusions: '例外：{{list}}', more: '还有 {{count}} 个词，请用搜索查找',
  },
  lexiconCategory: { absolute: '极限词', medical: '医疗功效', promotion: '促销', sharing: '诱导分享', banned: '违禁' },
  sandbox: {
    toggle: '沙盒预览', title: '沙盒预览', views: { chat: '模拟对话', library: '场景库', backtest: '回测' },
    span: { d: '{{count}} 天', h: '{{count}} 小时', m: '{{count}} 分', s: '{{count}} 秒' },
    window: {
      left: '还剩 {{span}}', quota: '还可发 {{count}} 条',
      explain: {
        open: '窗口开启中', closing: '窗口即将关闭', none: '这个用户还没有互动，现在不能主动发客服消息。',
        expired: '互动窗口已过期，要等用户再发消息才能回复。', unsubscribed: '用户已取消关注，不能再发客服消息。',
      },
    },
    verdict: { allow: '通过', warn: '提醒', block: '拦截' },
    by: { bot: '自动回复', agent: '客服' },
    sent: '已发送（计入条数）', notSent: '未发送',
    counters: '本次互动已回复 {{n}} 条 · 礼貌上限 {{max}} 条',
    clock: {
      moved: '时钟前进 {{span}}', now: '虚拟时间', pending: '（已前进 {{span}}，下一步生效）',
      m1: '+1 分钟', h1: '+1 小时', h47m50: '+47 小时 50 分', h48: '+48 小时',
      amount: '前进多少', unit: '时间单位', units: { m: '分钟', h: '小时', d: '天' }, advance: '前进',
    },
    showPath: '在画布上显示路径', removeStep: '删除第 {{n}} 步',
    matched: '命中关键词组「{{group}}」（关键词“{{keyword}}”）', noReply: '没有自动回复', handoff: '转人工：{{queue}}',
    expect: {
      title: '预期', passed: '✅ 通过', failed: '❌ 未通过', fromActual: '按实际结果设为预期', clear: '清除预期',
      codesPlaceholder: '例如 WINDOW_CLOSING', verdict: '结论', any: '不检查', codes: '原因代码（都要出现）', replyCount: '发出回复条数', group: '命中关键词组',
    },
    users: {
      title: '测试用户', add: '+ 添加用户', speak: '以 {{id}} 的身份', nickname: '{{id}} 的昵称', nicknamePlaceholder: '昵称，例如 小明',
      tags: '{{id}} 的标签', tagsPlaceholder: '标签，用逗号分隔',
    },
    start: '开始时间',
    compose: {
      asUser: '以「{{who}}」的身份发送', toUser: '以客服身份回复「{{who}}」', kind: '发送什么',
      kinds: { text: '文字消息', subscribe: '关注', CLICK: '点击菜单', unsubscribe: '取消关注', reply: '客服回复' },
      textPlaceholder: '用户说的话，例如 退钱', text: '用户发的消息', menuKey: '菜单项 Key', reply: '客服回复内容', send: '发送', sendReply: '发送回复',
    },
    empty: '还没有步骤。选一个测试用户，发一条消息试试。',
    unsaved: '预览包含尚未保存的修改；保存的场景运行时使用已保存的草稿。',
    running: '正在运行…', allPassed: '✅ 所有预期都满足', someFailed: '❌ 有预期没有满足', rerun: '重新运行', reset: '清空', saveScenario: '保存为场景',
    save: {
      title: '保存为测试场景', name: '场景名称', namePlaceholder: '例如：47 小时 50 分回复会提醒', description: '说明',
      noExpect: '有 {{count}} 个步骤还没有设置预期：它们只运行，不检查。', asNew: '另存为新场景', update: '保存', confirm: '保存',
    },
    library: {
      title: '测试场景（{{count}}）', runAll: '全部运行', summary: '已运行 {{ran}} 个，{{failed}} 个未通过',
      empty: '还没有测试场景。在“模拟对话”里试好后点“保存为场景”。', open: '打开', run: '运行', notRun: '未运行',
      confirmDelete: '确定删除测试场景「{{name}}」吗？', stepFailure: '第 {{n}} 步：{{message}}', saved: '已保存场景「{{name}}」', saveFailed: '场景保存失败：',
    },
    backtest: {
      intro: '用一段时间内真实收到的消息回放：比较已发布的规则和当前草稿，列出每个用户会有什么不同。不会发送任何消息。',
      from: '从', to: '到', run: '开始回测', summary: '回放 {{messages}} 条消息，{{changed}} 条结果会变化，涉及 {{users}} 个用户。',
      userLine: '{{messages}} 条消息，{{changes}} 处变化', field: { groups: '命中关键词组', replies: '发出的回复', verdicts: '检查结论' }, none: '（无）',
    },
  },
  errors: {
    UNAUTHORIZED: '登录已失效，请重新登录', FORBIDDEN: '当前账号没有这个权限', NOT_FOUND: '找不到这个文档', CONFLICT: '文档已被其他人修改',
    VALIDATION_FAILED: '内容不符合格式要求', PAYLOAD_TOO_LARGE: '内容太大', STORE_UNAVAILABLE: '存储暂时不可用，请稍后重试', NETWORK: '网络连接失败',
    unexpected: '出现意外错误：{{message}}',
  },
};
