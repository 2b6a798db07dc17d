"""A Rasa intent classifier: TF-IDF char + lemma n-grams into logistic regression."""
# On a few thousand short examples a linear model over char n-grams is hard to beat
# and trains in seconds; `make eval` measures it against DIET on the same folds.
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.features import build_model, lemma_text

logger = logging.getLogger(__name__)
MODEL_FILE = "tfidf_logreg.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfLogRegClassifier(GraphComponent, IntentClassifier):
    """Intent classifier over folded char n-grams and lemma n-grams."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Defaults measured with `make eval` (see the README's NLU section)."""
        return {"C": 20.0, "char_ngram_max": 5, "word_ngram_max": 2, "ranking_length": 10, "random_seed": 42}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 pipeline: Optional[Any] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._pipeline = pipeline

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TfidfLogRegClassifier":
        return cls(config, model_storage, resource)

    def _text(self, message: Message) -> str:
        """Raw text plus lemmas from the spaCy tokenizer, when it ran before us."""
        return lemma_text(message.get(TEXT) or "", [t.lemma or t.text for t in message.get(TEXT_TOKENS) or []],
                          fold_chars=self._config.get("fold", True))

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("Fewer than two intents: %s is not trained.", type(self).__name__)
            return self._resource
        self._pipeline = build_model(self._config)
        self._pipeline.fit([self._text(m) for m in examples], [m.get(INTENT) for m in examples])
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._pipeline, directory / MODEL_FILE)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self._pipeline is None:
                continue
            probs = self._pipeline.predict_proba([self._text(message)])[0]
            order = np.argsort(probs)[::-1][: self._config["ranking_length"]]
            classes = self._pipeline.classes_
            ranking = [{"name": str(classes[i]), "confidence": float(probs[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TfidfLogRegClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                pipeline = joblib.load(directory / MODEL_FILE)
        except ValueError:  # nothing was persisted (untrained): behave as a no-op classifier
            pipeline = None
        return cls(config, model_storage, resource, pipeline)
