import { composeLinkedAnswer } from '@/lib/answer/builtin/answer-builtin';
import type { ChatMessage } from '@/lib/shared/chat';
import { photoFor } from './qa/dev-runner';
const CACHE = '.cache/qa-dev';
const asks: [string, string[]][] = [
  ['../samples/images/09_living_room.jpg', ['Is there a window?', 'Is there a carpet?', 'Is there a blackboard?', 'Is there an armchair?', 'What colour is the armchair?', "What's happening here?"]],
  ['../samples/images/10_person_laptop_office.jpg', ['What is the man doing?', 'Is there a window?']],
  ['../samples/images/08_street_horse_cart_cars.jpg', ['What is the horse pulling?', 'What is behind the horse?', 'And the other one?', "What's happening here?", 'Who is on the right?', 'Is there a bat?']],
  ['../samples/images/11_cricket_players.jpg', ['What is the batter holding?', 'What sport is being played?', 'Is there a bat?', "What's happening here?"]],
  ['../samples/images/05_cats.jpg', ["What's happening here?", 'What colour are the cats?']],
];
(async () => {
  for (const [image, qs] of asks) {
    const photo = await photoFor(image, CACHE);
    for (const q of qs) {
      const messages: ChatMessage[] = [];
      if (q.startsWith('And')) messages.push({ role: 'user', content: 'What is behind the horse?' }, { role: 'assistant', content: composeLinkedAnswer({ resultId: photo.resultId, graph: photo.graph, threshold: 0.3, tags: photo.tags }, [{ role: 'user', content: 'What is behind the horse?' }]).text });
      messages.push({ role: 'user', content: q });
      const a = composeLinkedAnswer({ resultId: photo.resultId, graph: photo.graph, threshold: 0.3, tags: photo.tags }, messages);
      console.log(`${image.split('/').pop()} | ${q}\n   → ${a.text}`);
    }
  }
  process.exit(0);
})();
