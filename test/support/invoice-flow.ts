/** The keyword group and flow the document and cache tests publish: 发票 questions get one reply. */
export const invoiceGroup = (keywords: string[]) => ({
  schemaVersion: 1,
  id: 'invoice',
  name: '发票',
  mode: 'contains',
  keywords,
});

export const invoiceFlow = (content: string) => ({
  schemaVersion: 1,
  id: 'invoice-flow',
  name: '发票问题',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    { id: 'k', type: 'keywordGroup', position: { x: 200, y: 0 }, data: { groupId: 'invoice' } },
    { id: 'r', type: 'reply', position: { x: 400, y: 0 }, data: { mode: 'all', replies: [{ type: 'text', content }] } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'k' },
    { id: 'e2', source: 'k', target: 'r', sourceHandle: 'match' },
  ],
});
