"""A backend on any OpenAI-compatible chat endpoint (`POST {url}/chat/completions`), stdlib only.

    Ollama     --llm-url http://localhost:11434/v1 --llm-model qwen2.5:7b
    vLLM       --llm-url http://localhost:8000/v1  --llm-model Qwen/Qwen2.5-7B-Instruct
    llama.cpp  --llm-url http://localhost:8080/v1  --llm-model any (llama-server serves one model)
    hosted     --llm-url https://api.openai.com/v1 --llm-model gpt-4o-mini, key in TOMTAT_LLM_KEY
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

from tomtat.fusion import BackendError, Generated, SourceSentence

KEY_VARIABLE = "TOMTAT_LLM_KEY"
PROMPT = (
    "Bạn viết lại các câu tóm tắt tin tức tiếng Việt sau thành ít câu hơn, trôi chảy (gộp, rút gọn). "
    "Không thêm số liệu, ngày tháng hay tên riêng nào không có trong câu nguồn. "
    'Trả lời bằng các dòng JSON, mỗi dòng {"text": "câu viết lại", "sources": [số thứ tự các câu nguồn đã dùng]}.'
)


class OpenAIBackend:
    """Rewrites through a chat model; the key, if any, from the TOMTAT_LLM_KEY environment variable."""

    def __init__(self, url: str, model: str, timeout: float = 60) -> None:
        self.url = url.rstrip("/") + "/chat/completions"
        self.model = model
        self.timeout = timeout

    def rewrite(self, sentences: list[SourceSentence]) -> list[Generated]:
        numbered = "\n".join(f"[{s.id}] {s.text}" for s in sentences)
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": PROMPT}, {"role": "user", "content": numbered}]}
        headers = {"Content-Type": "application/json"}
        if os.environ.get(KEY_VARIABLE):
            headers["Authorization"] = f"Bearer {os.environ[KEY_VARIABLE]}"
        request = urllib.request.Request(self.url, json.dumps(body).encode(), headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                reply = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise BackendError(f"{self.url} answered HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError) as error:
            raise BackendError(f"{self.url} unreachable: {getattr(error, 'reason', error)}") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BackendError(f"{self.url} did not answer JSON") from None
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise BackendError(f"{self.url}: no choices[0].message.content in the answer") from None
        return parse_lines(content)


def parse_lines(content: str) -> list[Generated]:
    """`{"text", "sources"}` JSON lines (code fences and other lines ignored); BackendError when none."""
    generated = []
    for line in content.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and isinstance(obj.get("sources"), list):
            generated.append(Generated(obj["text"], [i for i in obj["sources"] if isinstance(i, int)]))
    if not generated:
        raise BackendError('the model gave no {"text", "sources"} line')
    return generated
