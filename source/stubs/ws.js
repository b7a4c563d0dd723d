export default class WebSocket {}
export class WebSocketServer {}
