/**
 * TerminalChannel lets other parts of the UI (Apply, the lesson's "Run" buttons) talk to the terminal
 * without importing it. Messages sent before the terminal is attached are kept and delivered on attach.
 */
export interface TerminalSink {
  /** print writes text above the prompt, keeping the line being typed. */
  print(text: string): void;
  /** run types a command line at the prompt and runs it, as if the learner had pressed Enter. */
  run(line: string): void;
}

export interface TerminalChannel extends TerminalSink {
  attach(sink: TerminalSink): () => void;
}

type Message = { type: 'print'; text: string } | { type: 'run'; line: string };

export function createTerminalChannel(): TerminalChannel {
  let sink: TerminalSink | null = null;
  const pending: Message[] = [];
  const deliver = (target: TerminalSink, message: Message) => {
    switch (message.type) {
      case 'print':
        target.print(message.text);
        break;
      case 'run':
        target.run(message.line);
        break;
    }
  };
  const send = (message: Message) => {
    if (sink) deliver(sink, message);
    else pending.push(message);
  };
  return {
    print: (text) => send({ type: 'print', text }),
    run: (line) => send({ type: 'run', line }),
    attach(target) {
      sink = target;
      for (const message of pending.splice(0)) deliver(target, message);
      return () => {
        if (sink === target) sink = null;
      };
    },
  };
}
