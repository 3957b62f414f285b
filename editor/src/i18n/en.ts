import { GRAPH_PROBLEM_MESSAGES } from '../../../rules-schema/graph-problem-messages.js';
import type { zhCN } from './zh-CN.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English; typed against the Chinese resource so no key is missing. */
export const en: Widen<typeof zhCN> = {
  app: { language: 'Language' },
  tabs: { flows: 'Reply flows', groups: 'Keyword groups', policy: 'Compliance policy', queue: 'Agent queue' },
  role: { admin: 'Admin', editor: 'Editor', runtime: 'Runtime', viewer: 'Viewer' },
  common: {
    cancel: 'Cancel', close: 'Close', delete: 'Delete', confirmDelete: 'Delete', remove: 'Remove', loading: 'Loading…',
    enabled: 'Enabled', disabled: 'Disabled', yes: 'Yes', no: 'No', moveUp: 'Move up', moveDown: 'Move down',
  },
  signIn: {
    title: 'Sign in', intro: 'Enter your access token. On first start the server prints a sign-in link that fills it in.', token: 'Access token',
    submit: 'Sign in', bad: 'That token is not valid.', expired: 'Your session has expired; please sign in again.', failed: 'Cannot sign in: {{message}}',
    hint: 'The token is kept in this browser only.', signOut: 'Sign out',
  },
  doc: { saved: 'Saved', unsaved: 'Unsaved changes', notPublished: 'Not published', publishedV: 'Published v{{version}}', draft: 'draft', new: '(new, not saved)' },
  flows: { title: 'Flows', create: 'New', newName: 'New flow name', empty: 'Pick or create a flow on the left.' },
  flow: { settings: 'Flow settings', name: 'Flow name', description: 'Description', enabled: 'Flow enabled' },
  palette: { title: 'Nodes', help: 'Drag a node onto the canvas, or click to add it.' },
  kind: { trigger: 'Trigger', keywordGroup: 'Keyword group', condition: 'Condition', reply: 'Reply', handoff: 'Hand off', recordTag: 'Tag user', followUp: 'Follow-up' },
  kindHint: {
    trigger: 'Where the flow starts: which messages or events run it',
    keywordGroup: 'Goes "matched" when the message hits the group, else "not matched"',
    condition: 'Branch on the window, replies sent, user tags…',
    reply: 'Send one or more customer-service messages',
    handoff: 'Pass the chat to a person',
    recordTag: 'Tag the user',
    followUp: 'Ask the user one more question (counts as a message)',
  },
  handle: { match: 'matched', else: 'not matched', true: 'yes', false: 'no' },
  toolbar: {
    label: 'Flow toolbar', undo: 'Undo', redo: 'Redo', layout: 'Auto layout', fit: 'Fit view', export: 'Export', import: 'Import',
    history: 'History', deleteFlow: 'Delete flow', save: 'Save', publish: 'Publish',
  },
  properties: {
    title: 'Properties', many: '{{count}} nodes selected', manyHint: 'Ctrl+C copies, Ctrl+V pastes, Delete removes.', none: 'Click a node on the canvas to edit it.',
    next: 'Next step', missingNode: '(deleted node)', pickNext: 'Connect to…', connectTo: 'Connect "{{handle}}" to', endOfPath: 'A hand-off ends the flow; nothing follows it.',
  },
  trigger: {
    any: 'Any message', messageTypes: 'Message types from the user', events: 'Events', menuKeys: 'Menu keys', menuKey: 'menu',
    onlyIfUnmatched: 'Only when no other flow matched', help: 'A flow may have several triggers. For menu clicks tick "Menu click" and add the menu key.',
  },
  messageType: { text: 'Text', image: 'Image', voice: 'Voice', video: 'Video', shortvideo: 'Short video', location: 'Location', link: 'Link', event: 'Event' },
  event: {
    subscribe: 'Follow', unsubscribe: 'Unfollow', SCAN: 'Scan (following)', CLICK: 'Menu click', VIEW: 'Menu link', LOCATION: 'Location report',
    scancode_push: 'Scan push', scancode_waitmsg: 'Scan, wait for message', pic_sysphoto: 'Camera photo', pic_photo_or_album: 'Photo or album',
    pic_weixin: 'WeChat album', location_select: 'Location pick', view_miniprogram: 'Open mini program',
  },
  keywordGroup: {
    pick: 'Keyword group to listen for', none: '(no keyword group)', newName: 'New group name, e.g. Refund', create: 'New keyword group',
    help: 'Put every way of asking one thing into one group (refund, return, money back) so any of them matches.',
  },
  keywords: {
    label: 'Keywords', placeholder: 'Type and press Enter; paste many at once', pasteHint: 'Paste many at once, separated by new lines, commas, 、 or spaces; repeats are skipped.',
    groupName: 'Group name', mode: 'Matching', exclusions: 'Exclusions (no match when these appear)', alsoIn: 'Also in group "{{groups}}"',
    duplicatesSummary: '{{count}} keyword(s) are also in other groups; a message with them matches several groups.', saveGroup: 'Save group', publishGroup: 'Publish group', publishedSame: 'The live version is the same as this draft: nothing to publish',
  },
  matchMode: { contains: 'Contains', exact: 'Exact', fuzzy: 'Fuzzy (ignores filler words)', regex: 'Regular expression (advanced)' },
  chips: { placeholder: 'Type and press Enter', remove: 'Remove {{value}}', skipped: 'Skipped repeats: {{values}}' },
  condition: {
    add: 'Add condition', fact: 'What to test', operator: 'How', value: 'Value', topic: 'Keyword group', pickTopic: 'Pick a group',
    inHours: 'Within business hours', outOfHours: 'Outside business hours', help: 'Goes "yes" when met, else "no".',
    match: { label: 'With several conditions', all: 'All must hold', any: 'Any one holds' },
  },
  fact: {
    windowState: 'Interaction window', repliesSinceInteraction: 'Replies sent this interaction', quotaLeft: 'Messages left', userTags: 'User tags',
    withinBusinessHours: 'Business hours', messageType: 'Message type', topicCount: 'Times this topic was asked',
  },
  operator: {
    equal: 'is', notEqual: 'is not', in: 'is one of', notIn: 'is none of', contains: 'contains', doesNotContain: 'does not contain',
    lessThan: 'less than', lessThanInclusive: 'at most', greaterThan: 'more than', greaterThanInclusive: 'at least',
  },
  conditionValue: {
    windowState: { open: 'open', closing: 'closing soon', expired: 'expired', none: 'no interaction', unsubscribed: 'unfollowed' },
  },
  reply: {
    mode: { label: 'Send', all: 'All, in order', random: 'One at random' },
    number: 'Message {{n}}', add: 'Add a message', type: 'Message type', content: 'Reply text', insertNickname: 'Insert nickname', empty: '(empty)',
    mediaId: 'Media ID', mediaHint: 'Upload the media in the WeChat back office first, then paste its media ID.', title: 'Title', description: 'Description',
    thumbMediaId: 'Thumbnail media ID', url: 'Link', picUrl: 'Cover image URL', newsHint: 'Customer-service news holds one article; its link must be a WeChat article or an allowed host.',
    appId: 'Mini program AppID', pagePath: 'Mini program page path', headContent: 'Opening text', tailContent: 'Closing text', menuItems: 'Menu options',
    menuItem: 'Option {{n}}', addMenuItem: 'Add option', costHint: 'This node sends {{n}} messages in a row.',
  },
  replyType: { text: 'Text', image: 'Image', voice: 'Voice', video: 'Video', news: 'News (link)', mpnews: 'News (WeChat media)', miniprogrampage: 'Mini program card', msgmenu: 'Menu message' },
  handoff: { queue: 'Agent queue', queuePlaceholder: 'Empty: any agent', reason: 'Reason (agents see it)', help: 'After a hand-off no automatic reply follows.', toQueue: 'To: {{queue}}', anyAgent: 'To any agent' },
  recordTag: { tags: 'Tags', help: 'Tags can be tested by later conditions and help agents.', summary: 'Tag: {{tags}}' },
  followUp: { question: 'Question', help: 'A follow-up is a customer-service message and counts toward the limit.' },
  lint: {
    checking: 'Checking…', unavailable: 'The compliance check is unavailable; please review the text yourself.', preview: 'Flagged text',
    suggestion: 'Suggestion', applyRewrite: 'Apply rewrite', rewriteTo: 'Rewrites to: {{text}}',
    verdict: { allow: 'Compliant', warn: 'Needs attention', block: 'This message would be blocked' },
  },
  severity: { block: 'Block', warn: 'Warn' },
  cost: {
    badge: '{{total}} sent · advise ≤{{limit}} · max {{grant}}',
    title: 'Up to {{total}} messages sent by here. Etiquette limit {{limit}}, platform grant {{grant}}.',
    explain: 'Each path shows how many messages it sends: the platform grants {{grant}}, this account allows {{limit}}; more is flagged red.',
  },
  problems: {
    at: '{{node}}: ', title: 'Problems', count: '{{errors}} error(s), {{warnings}} warning(s)', none: 'No problems found.', schema: 'Format error at {{path}}: {{message}}',
    ...GRAPH_PROBLEM_MESSAGES['en'],
  },
  connectMenu: { title: 'From {{from}} to a new…' },
  connect: {
    self: 'A node cannot connect to itself', intoTrigger: 'A trigger starts the flow; nothing can lead into it', noOutput: 'A hand-off ends the flow', badHandle: 'No such way out',
    duplicate: 'That edge exists already', cycle: 'That would make a loop', unknown: 'Cannot connect',
  },
  confirm: {
    title: 'Please confirm', deleteSelection: 'Delete the {{nodes}} selected node(s) and {{edges}} edge(s)?', deleteNodes: 'Delete the {{count}} selected node(s)?',
    deleteFlow: 'Delete flow "{{name}}"? Its published versions stop being used.', deleteGroups: 'Delete {{count}} keyword group(s)?', discard: 'This flow has unsaved changes. Discard them?',
  },
  conflict: {
    title: 'Someone else changed this document', body: '"{{name}}" was saved by someone else while you edited. Your changes are still here. Choose:',
    theirsHint: 'Reload theirs: drop your changes and see the latest.', mineHint: 'Keep editing mine: keep your changes; your next save replaces theirs.',
    reloadTheirs: 'Reload theirs', keepMine: 'Keep editing mine',
  },
  save: { done: 'Saved', failed: 'Saving "{{name}}" failed:' },
  publish: {
    title: 'Publish "{{name}}"', note: 'Note', notePlaceholder: 'e.g. added refund replies', confirm: 'Publish', defaultNote: 'Published from the editor',
    done: 'Published as v{{version}}', failed: 'Publishing failed:', blocked: 'Fix the {{count}} error(s) first',
    gate: {
      intro: '{{count}} test scenario(s) fail. Once published, these cases will happen with the new rules:', step: 'Step {{step}}', more: '{{count}} more…',
      hint: 'Fix the rules, or update the scenarios\' expectations, first. If you must, publish anyway with a reason.',
      note: 'Why publish anyway (required)', notePlaceholder: 'e.g. the campaign starts tonight; scenarios updated tomorrow', override: 'Publish anyway',
    },
  },
  history: {
    title: 'History of "{{name}}"', none: 'Never published.', diffLegend: 'Draft compared with v{{version}} (+ added, - removed)', same: 'Same as the draft',
    rollback: 'Roll back to v{{version}}', rollbackNote: 'Rollback to v{{version}}', rolledBack: 'Rolled back to v{{version}} (new version v{{newVersion}})',
  },
  file: { invalid: 'Not a valid flow: {{problems}}', imported: 'Imported; review and save' },
  groups: {
    filter: 'Filter by name or keyword', importCsv: 'Import CSV', exportCsv: 'Export CSV', saveAll: 'Save all changes', selected: '{{count}} selected',
    bulkMode: 'Set matching for all', enable: 'Enable', disable: 'Disable', publishSelected: 'Publish', selectAll: 'Select all',
    col: { name: 'Name', keywords: 'Keywords', mode: 'Matching', status: 'Status', published: 'Published' },
    dups: '{{count}} repeated', dupTitle: 'Some keywords are also in other groups', empty: 'No keyword groups.', imported: 'Import done: {{created}} new, {{updated}} updated, rows skipped: {{skipped}}',
  },
  policy: {
    none: 'There is no compliance policy yet.', create: 'Create policy', defaultName: 'Default policy', window: 'Interaction window (platform rules)', interaction: 'User action',
    quota: 'Messages', minutes: 'Valid for', margin: 'Closing warning', nonOpening: 'Menu keys that open no window (e.g. "contact us")',
    grant: { message: 'User message', menuClick: 'Menu click', subscribe: 'Follow', scan: 'Scan' },
    etiquette: 'Reply etiquette', maxReplies: 'Max replies per interaction', duplicates: 'No identical reply within', promotions: 'Max promotions per window',
    maxTextBytes: 'Max text bytes', maxArticles: 'Max articles', links: 'Link allowlist', linksHint: 'WeChat hosts are always allowed; hosts added here (with subdomains) are too.',
    unit: { label: 'unit', d: 'days', h: 'hours', m: 'minutes' }, checks: 'Content checks', severity: 'Action', defaultSeverity: 'Default', lexicons: 'Lexicons',
  },
  check: {
    WINDOW_NONE: 'No interaction on record', WINDOW_EXPIRED: 'Window expired', WINDOW_CLOSING: 'Window closing', USER_UNSUBSCRIBED: 'User unfollowed',
    QUOTA_EXHAUSTED: 'Quota used up', FREQUENCY_LIMIT: 'Too many replies', DUPLICATE_REPLY: 'Duplicate reply', EXTERNAL_LINK: 'External link',
    MARKETPLACE_CODE: 'Marketplace share code', INDUCED_SHARING: 'Induced sharing', PROMOTION: 'Promotion', OVER_MARKETING: 'Over-marketing',
    ABSOLUTE_TERM: 'Absolute term (Advertising Law)', BANNED_TERM: 'Banned term', MEDICAL_CLAIM: 'Medical claim', UNSUPPORTED_TYPE: 'Unsupported type', CONTENT_TOO_LONG: 'Too long',
  },
  lexicon: {
    search: 'Search terms', add: 'New lexicon', newName: 'New lexicon', name: 'Lexicon name', category: 'Category', termCount: '{{count}} term(s)',
    pasteTerms: 'Paste terms, separated by new lines, commas or 、', addTerms: 'Add', inherit: 'As lexicon', exclusions: 'Except: {{list}}', more: '{{count}} more; use search',
  },
  lexiconCategory: { absolute: 'Absolute terms', medical: 'Medical claims', promotion: 'Promotion', sharing: 'Induced sharing', banned: 'Banned' },
  sandbox: {
    toggle: 'Sandbox', title: 'Sandbox preview', views: { chat: 'Simulator', library: 'Scenarios', backtest: 'Backtest' },
    span: { d: '{{count}} d', h: '{{count}} h', m: '{{count}} min', s: '{{count}} s' },
    window: {
      left: '{{span}} left', quota: '{{count}} more may be sent',
      quotaWhy: 'The least of the platform grant ({{platform}} left) and this account\'s etiquette limit ({{etiquette}} left)',
      quotaPlatform: 'Left in the platform grant',
      explain: {
        open: 'Window open', closing: 'Window closing soon', none: 'This user has not interacted yet: no customer-service message can be sent.',
        expired: 'The window has expired: wait for the user to write again.', unsubscribed: 'The user unsubscribed: no more customer-service messages.',
      },
    },
    verdict: { allow: 'Allowed', warn: 'Warning', block: 'Blocked' },
    by: { bot: 'Auto reply', agent: 'Agent' },
    sent: 'Sent (counts)', notSent: 'Not sent',
    clock: {
      moved: 'Clock moved {{span}}', now: 'Virtual time', pending: '(moved {{span}}; applies to the next step)',
      m1: '+1 min', h1: '+1 h', h47m50: '+47 h 50 min', h48: '+48 h',
      amount: 'Move by', amountPlaceholder: 'e.g. 47h59m, 2d, 30s', badAmount: 'Type a duration such as 47h59m, 2d, 10m or 30s', advance: 'Move',
    },
    showPath: 'Show path on canvas', removeStep: 'Remove step {{n}}',
    matched: 'Matched group "{{group}}" (keyword "{{keyword}}")', noReply: 'No automatic reply', handoff: 'Handed to an agent: {{queue}}',
    expect: {
      title: 'Expectation', passed: 'Passed', failed: 'Failed', fromActual: 'Expect what happened', clear: 'Clear',
      codesPlaceholder: 'e.g. WINDOW_CLOSING', verdict: 'Verdict', any: "Don't check", codes: 'Reason codes (all present)', replyCount: 'Replies sent', group: 'Keyword group',
    },
    users: {
      title: 'Test users', add: '+ Add user', speak: 'Speak as {{id}}', nickname: 'Nickname of {{id}}', nicknamePlaceholder: 'Nickname, e.g. Xiaoming',
      tags: 'Tags of {{id}}', tagsPlaceholder: 'Tags, comma separated',
    },
    start: 'Starts at',
    compose: {
      asUser: 'Send as "{{who}}"', toUser: 'Reply to "{{who}}" as an agent', kind: 'What to send',
      kinds: {
        text: 'Text message', image: 'Image', location: 'Location', link: 'Link', subscribe: 'Subscribe', SCAN: 'QR scan (already following)', CLICK: 'Menu click',
        VIEW: 'Menu opens a web page', LOCATION: 'Location report (event)', unsubscribe: 'Unsubscribe', reply: 'Agent reply',
      },
      textPlaceholder: 'What the user says', text: 'User message', menuKey: 'Menu item key', reply: 'Agent reply', send: 'Send', sendReply: 'Send reply',
      sceneKey: 'QR scene value', viewUrl: 'Web page opened', placeLabel: 'Place name', latitude: 'Latitude', longitude: 'Longitude',
      linkTitle: 'Link title', linkDescription: 'Link description (optional)', linkUrl: 'Link URL',
      imageHint: 'The sandbox uses a placeholder picture; nothing to upload. An image is an interaction: it opens the 48 h reply window.',
      noGrantHint: 'This event is not an interaction: it opens no reply window and adds no messages.',
    },
    packs: {
      title: 'Rule packs', accountDefault: "the account's enabled packs", chosen: '{{count}} chosen for this preview', installed: 'installed', installedOff: 'installed, disabled',
      reset: "Back to the account's packs", loadFailed: 'Could not load the pack catalog:', none: 'No packs available.',
      hint: 'Used only for this preview and the saved scenario; nothing is installed.',
    },
    empty: 'No steps yet. Pick a test user and send a message.',
    unsaved: 'The preview includes unsaved changes; saved scenarios run against the saved drafts.',
    running: 'Running…', allPassed: 'Every expectation is met', someFailed: 'Some expectations are not met', rerun: 'Run again', reset: 'Clear', saveScenario: 'Save as scenario',
    save: {
      title: 'Save as a test scenario', name: 'Scenario name', namePlaceholder: 'e.g. a reply at 47 h 50 min warns', description: 'Description',
      noExpect: '{{count}} step(s) have no expectation: they run but are not checked.', asNew: 'Save as new', update: 'Save', confirm: 'Save',
    },
    library: {
      title: 'Test scenarios ({{count}})', runAll: 'Run all', summary: '{{ran}} run, {{failed}} failed',
      empty: 'No test scenarios yet. Try things in the simulator, then "Save as scenario".', open: 'Open', run: 'Run', notRun: 'Not run',
      confirmDelete: 'Delete the test scenario "{{name}}"?', stepFailure: 'Step {{n}}: {{message}}', saved: 'Scenario "{{name}}" saved', saveFailed: 'Could not save the scenario:',
    },
    backtest: {
      intro: 'Replays the messages received in a period against the published rules and the current drafts, and lists what would change for each user. Nothing is sent.',
      from: 'From', to: 'To', run: 'Run backtest', summary: '{{messages}} messages replayed, {{changed}} would change, for {{users}} user(s).',
      userLine: '{{messages}} messages, {{changes}} change(s)', field: { groups: 'Keyword groups', replies: 'Replies sent', verdicts: 'Verdicts' }, none: '(none)',
    },
  },
  queue: {
    title: 'Agent queue', count: 'Waiting: {{count}}', refresh: 'Refresh', more: 'Load more', empty: 'No users are waiting for a reply',
    emptyHint: 'Users whose messages nobody has answered yet, or who asked for a human, show up here, the window that closes first on top.',
    pick: 'Pick a user on the left to reply.', handoff: 'Asked for a human', closingSoon: 'Closing soon', closed: 'Window closed',
    closesIn: 'The window closes in {{span}}; after that no customer-service message can reach this user', waitingSince: 'Waiting since {{at}}', lastMessages: 'Last messages',
    topics: 'Topics asked about (keyword groups)', tags: 'User tags', topicCount: '{{topic}} ×{{count}}',
    agent: 'Agent name', agentHint: 'Kept in this browser only. Replies are recorded under this name and count as human replies.', agentMissing: 'Fill in the agent name first',
    replyLabel: 'Reply', send: 'Send', record: 'Record as replied', sending: 'Submitting…',
    recordWhy: 'This account is not connected to a WeChat service account, so replies cannot reach the user. "Record as replied" only records the reply as sent (it counts in the metrics and the reply limits); send the text from the WeChat console.',
    notConnected: 'This account is not connected to WeChat: nothing was sent. You can record the reply as replied instead.',
    readOnly: 'Your role ({{role}}) may look at the queue only; replying needs an admin or runtime token.',
    followUp: 'Suggested follow-up: {{text}}',
    followUpHint: 'The window closes within the hour: ask this, and a reply from the user opens a new 48-hour window. It is only put into the reply box, never sent on its own; do not overuse it.',
    sent: 'Replied to {{name}}', recorded: 'Recorded the reply to {{name}}', notSent: 'Not sent; the user stays in the queue. Change the reply as the reasons below say and try again.',
    platformRefused: 'WeChat did not accept the message: {{errmsg}} ({{errcode}})',
  },
  errors: {
    UNAUTHORIZED: 'Session expired; sign in again', FORBIDDEN: 'Your role may not do this', NOT_FOUND: 'Document not found', CONFLICT: 'Someone else changed the document',
    VALIDATION_FAILED: 'The content does not fit the format', PAYLOAD_TOO_LARGE: 'Too large', STORE_UNAVAILABLE: 'Storage unavailable; try again', NETWORK: 'Network error',
    unexpected: 'Unexpected error: {{message}}',
  },
};
